/**
 * Date and time functions (Trino's datetime.md). A `timestamp with time zone` is a DuckDB TIMESTAMPTZ
 * (an instant); the zone it shows in lives in its Trino type, and fields (hour(), date_format, date)
 * are taken in that zone. MySQL (`date_format`) and Joda (`format_datetime`) formats are translated
 * when they are literals, as they nearly always are (DuckDB's strptime wants a constant format).
 */
import { SqlError } from '../../errors.ts';
import { localTime } from '../../duckdb/emit-cast.ts';
import { quoteString } from '../../text/quote.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { scalar, type Emit, type EmitArg, type TrinoFunction } from '../function.ts';
import { jodaToStrftime, mysqlToStrftime } from '../datetime-format.ts';

/** A string literal's value from its emitted SQL (`'…'`), or undefined when the SQL is not one. */
function literalText(arg: EmitArg): string | undefined {
  const match = /^'((?:[^']|'')*)'$/.exec(arg.sql);
  return match ? match[1]!.replaceAll("''", "'") : undefined;
}

function constantFormat(arg: EmitArg, fn: string, translate: (format: string) => string): string {
  const text = literalText(arg);
  if (text === undefined) throw new SqlError('NOT_SUPPORTED', `${fn}: trailsight's local engine needs the format as a string literal`);
  return quoteString(translate(text));
}

/** The wall-clock value DuckDB should read fields from: local time in the zone for a zoned timestamp. */
const local = (arg: EmitArg) => (arg.type.kind === 'timestamp with time zone' ? localTime(arg.sql, arg.type) : arg.sql);

/** A field of a date-time as a bigint: `hour(x)` → `CAST(hour(<local x>) AS BIGINT)`. */
const field =
  (duck: string): Emit =>
  (args) =>
    `CAST(${duck}(${local(args[0]!)}) AS BIGINT)`;

const TEMPORAL = ['date', 'timestamp', 'timestamptz'] as const;
const fieldFunction = (name: string, duck: string, kinds: readonly string[] = TEMPORAL) =>
  scalar(
    name,
    kinds.map((kind) => ({ args: [kind], returns: 'bigint', emit: field(duck) })),
  );

const UNITS = new Set(['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year']);
const DATE_UNITS = new Set(['day', 'week', 'month', 'quarter', 'year']);

/** A unit argument checked as Trino checks it (when it is a literal; else at run time by DuckDB). */
function unit(arg: EmitArg, type: SqlType): string {
  const text = literalText(arg)?.toLowerCase();
  if (text === undefined) return `lower(${arg.sql})`;
  const allowed = type.kind === 'date' ? DATE_UNITS : UNITS;
  if (!allowed.has(text)) throw new SqlError('INVALID_FUNCTION_ARGUMENT', `'${text}' is not a valid ${type.kind === 'date' ? 'DATE' : 'Timestamp'} field`);
  return quoteString(text);
}

/** date_add(unit, n, x) keeps x's type (a zoned timestamp moves in its zone). */
const dateAdd: Emit = (args) => {
  const [u, n, x] = args as [EmitArg, EmitArg, EmitArg];
  const unitSql = unit(u, x.type);
  const text = literalText(u)?.toLowerCase();
  const interval =
    text === 'quarter'
      ? `to_months(3 * ${n.sql})`
      : text === 'millisecond'
        ? `to_milliseconds(${n.sql})`
        : text
          ? `to_${text}s(${n.sql})`
          : `_trino_interval(${unitSql}, ${n.sql})`;
  if (x.type.kind === 'date') return `CAST(${x.sql} + ${interval} AS DATE)`;
  if (x.type.kind === 'timestamp with time zone') return `timezone(${quoteString(x.type.zone ?? 'UTC')}, ${localTime(x.sql, x.type)} + ${interval})`;
  return `(${x.sql} + ${interval})`;
};

const dateDiff: Emit = (args) => {
  const [u, a, b] = args as [EmitArg, EmitArg, EmitArg];
  return `CAST(date_sub(${unit(u, a.type)}, ${local(a)}, ${local(b)}) AS BIGINT)`;
};

const dateTrunc: Emit = (args) => {
  const [u, x] = args as [EmitArg, EmitArg];
  const unitSql = unit(u, x.type);
  if (x.type.kind === 'date') return `CAST(date_trunc(${unitSql}, ${x.sql}) AS DATE)`;
  if (x.type.kind === 'timestamp with time zone') return `timezone(${quoteString(x.type.zone ?? 'UTC')}, date_trunc(${unitSql}, ${localTime(x.sql, x.type)}))`;
  return `date_trunc(${unitSql}, ${x.sql})`;
};

/** Trino's to_iso8601: `2024-01-02T03:04:05.678Z` for UTC, the offset otherwise. */
const toIso8601: Emit = (args) => {
  const x = args[0]!;
  if (x.type.kind === 'date') return `strftime(${x.sql}, '%Y-%m-%d')`;
  if (x.type.kind === 'timestamp') return `strftime(${x.sql}, '%Y-%m-%dT%H:%M:%S.%g')`;
  const zone = x.type.kind === 'timestamp with time zone' ? (x.type.zone ?? 'UTC') : 'UTC';
  const suffix = zone === 'UTC' ? `'Z'` : `strftime(${localTime(x.sql, x.type)}, '%z')`;
  return `(strftime(${local(x)}, '%Y-%m-%dT%H:%M:%S.%g') || ${suffix})`;
};

/** Minutes the zone of a zoned timestamp is ahead of UTC at that instant. */
const zoneOffsetMinutes = (arg: EmitArg) => `CAST(date_diff('minute', CAST(${arg.sql} AS TIMESTAMP), ${localTime(arg.sql, arg.type)}) AS BIGINT)`;

export const DATETIME: readonly TrinoFunction[] = [
  scalar('from_iso8601_timestamp', [{ args: ['varchar'], returns: 'timestamptz', emit: (a) => `CAST(${a[0]!.sql} AS TIMESTAMPTZ)` }]),
  scalar('from_iso8601_timestamp_nanos', [{ args: ['varchar'], returns: 'timestamptz', emit: (a) => `CAST(${a[0]!.sql} AS TIMESTAMPTZ)` }]),
  scalar('from_iso8601_date', [{ args: ['varchar'], returns: 'date', emit: (a) => `CAST(${a[0]!.sql} AS DATE)` }]),
  scalar(
    'to_iso8601',
    TEMPORAL.map((kind) => ({ args: [kind], returns: 'varchar', emit: toIso8601 })),
  ),
  scalar('date_parse', [
    { args: ['varchar', 'varchar'], returns: 'timestamp', emit: (a) => `strptime(${a[0]!.sql}, ${constantFormat(a[1]!, 'date_parse', mysqlToStrftime)})` },
  ]),
  scalar('parse_datetime', [
    {
      args: ['varchar', 'varchar'],
      returns: 'timestamptz',
      emit: (a) => `CAST(strptime(${a[0]!.sql}, ${constantFormat(a[1]!, 'parse_datetime', jodaToStrftime)}) AS TIMESTAMPTZ)`,
    },
  ]),
  scalar(
    'date_format',
    ['timestamp', 'timestamptz'].map((kind) => ({
      args: [kind, 'varchar'],
      returns: 'varchar',
      emit: ((a) => `strftime(${local(a[0]!)}, ${constantFormat(a[1]!, 'date_format', mysqlToStrftime)})`) as Emit,
    })),
  ),
  scalar(
    'format_datetime',
    ['timestamp', 'timestamptz'].map((kind) => ({
      args: [kind, 'varchar'],
      returns: 'varchar',
      emit: ((a) => `strftime(${local(a[0]!)}, ${constantFormat(a[1]!, 'format_datetime', jodaToStrftime)})`) as Emit,
    })),
  ),
  scalar('date_trunc', [
    { args: ['varchar', 'date'], returns: 'date', emit: dateTrunc },
    { args: ['varchar', 'timestamp'], returns: (args) => args[1]!, emit: dateTrunc },
    { args: ['varchar', 'timestamptz'], returns: (args) => args[1]!, emit: dateTrunc },
  ]),
  scalar('date_add', [
    { args: ['varchar', 'bigint', 'date'], returns: 'date', emit: dateAdd },
    { args: ['varchar', 'bigint', 'timestamp'], returns: (args) => args[2]!, emit: dateAdd },
    { args: ['varchar', 'bigint', 'timestamptz'], returns: (args) => args[2]!, emit: dateAdd },
  ]),
  scalar('date_diff', [
    { args: ['varchar', 'date', 'date'], returns: 'bigint', emit: dateDiff },
    { args: ['varchar', 'timestamp', 'timestamp'], returns: 'bigint', emit: dateDiff },
    { args: ['varchar', 'timestamptz', 'timestamptz'], returns: 'bigint', emit: dateDiff },
  ]),
  fieldFunction('year', 'year'),
  fieldFunction('quarter', 'quarter'),
  fieldFunction('month', 'month'),
  fieldFunction('week', 'week'),
  fieldFunction('week_of_year', 'week'),
  fieldFunction('day', 'day'),
  fieldFunction('day_of_month', 'day'),
  fieldFunction('day_of_week', 'isodow'),
  fieldFunction('dow', 'isodow'),
  fieldFunction('day_of_year', 'dayofyear'),
  fieldFunction('doy', 'dayofyear'),
  fieldFunction('year_of_week', 'isoyear'),
  fieldFunction('yow', 'isoyear'),
  fieldFunction('hour', 'hour', ['timestamp', 'timestamptz']),
  fieldFunction('minute', 'minute', ['timestamp', 'timestamptz']),
  fieldFunction('second', 'second', ['timestamp', 'timestamptz']),
  scalar(
    'millisecond',
    ['timestamp', 'timestamptz'].map((kind) => ({
      args: [kind],
      returns: 'bigint',
      emit: ((a) => `CAST(millisecond(${local(a[0]!)}) % 1000 AS BIGINT)`) as Emit,
    })),
  ),
  scalar(
    'last_day_of_month',
    TEMPORAL.map((kind) => ({ args: [kind], returns: 'date', emit: ((a) => `last_day(${local(a[0]!)})`) as Emit })),
  ),
  scalar('date', [
    { args: ['varchar'], returns: 'date', emit: (a) => `CAST(${a[0]!.sql} AS DATE)` },
    { args: ['timestamp'], returns: 'date', emit: (a) => `CAST(${a[0]!.sql} AS DATE)` },
    { args: ['timestamptz'], returns: 'date', emit: (a) => `CAST(${local(a[0]!)} AS DATE)` },
  ]),
  scalar('now', [{ args: [], returns: 'timestamptz', emit: () => 'CAST(get_current_timestamp() AS TIMESTAMPTZ)' }], { deterministic: false }),
  scalar('current_timezone', [{ args: [], returns: 'varchar', emit: () => `'UTC'` }]),
  scalar('from_unixtime', [{ args: ['double'], returns: 'timestamptz', emit: (a) => `to_timestamp(${a[0]!.sql})` }]),
  scalar('from_unixtime_nanos', [{ args: ['bigint'], returns: 'timestamptz', emit: (a) => `make_timestamptz(${a[0]!.sql} // 1000)` }]),
  scalar('to_unixtime', [
    { args: ['timestamp'], returns: 'double', emit: (a) => `CAST(epoch(${a[0]!.sql}) AS DOUBLE)` },
    { args: ['timestamptz'], returns: 'double', emit: (a) => `CAST(epoch(${a[0]!.sql}) AS DOUBLE)` },
  ]),
  scalar('to_milliseconds', [{ args: ['interval day to second'], returns: 'bigint', emit: (a) => `CAST(epoch(${a[0]!.sql}) * 1000 AS BIGINT)` }]),
  scalar('timezone_hour', [{ args: ['timestamptz'], returns: 'bigint', emit: (a) => `CAST(${zoneOffsetMinutes(a[0]!)} // 60 AS BIGINT)` }]),
  scalar('timezone_minute', [{ args: ['timestamptz'], returns: 'bigint', emit: (a) => `CAST(${zoneOffsetMinutes(a[0]!)} % 60 AS BIGINT)` }]),
  scalar('with_timezone', [{ args: ['timestamp', 'varchar'], returns: 'timestamptz', emit: (a) => `timezone(${a[1]!.sql}, ${a[0]!.sql})` }]),
];
