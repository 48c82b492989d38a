/**
 * CAST with Trino's answers: `CAST(json AS varchar)` is the scalar's text (and fails on arrays and
 * objects), a timestamp's text has its precision's digits, a double becomes an integer by rounding
 * half up, an IPADDRESS prints as Trino prints it.
 */
import { typeText, type SqlType } from '../types/sql-type.ts';
import { quoteIdentifier, quoteString } from '../text/quote.ts';
import { duckdbType } from './duckdb-type.ts';

const zoneOf = (t: SqlType) => (t.kind === 'timestamp with time zone' ? (t.zone ?? 'UTC') : 'UTC');

/** strftime for a timestamp of the given precision: `2024-01-02 03:04:05.678`. */
export function timestampText(sql: string, precision: number): string {
  if (precision === 0) return `strftime(${sql}, '%Y-%m-%d %H:%M:%S')`;
  if (precision <= 3) return `substr(strftime(${sql}, '%Y-%m-%d %H:%M:%S.%g'), 1, ${20 + precision})`;
  return `rpad(substr(strftime(${sql}, '%Y-%m-%d %H:%M:%S.%f'), 1, ${20 + Math.min(precision, 6)}), ${20 + precision}, '0')`;
}

/** The local time of a timestamp with time zone in its zone (a DuckDB TIMESTAMP). */
export function localTime(sql: string, type: SqlType): string {
  return `timezone(${quoteString(zoneOf(type))}, ${sql})`;
}

export function emitCast(sql: string, from: SqlType, to: SqlType, safe: boolean): string {
  const cast = plainCast(sql, from, to);
  if (!safe) return cast;
  return cast.startsWith('CAST(') && cast === `CAST(${sql} AS ${duckdbType(to)})` ? `TRY_CAST(${sql} AS ${duckdbType(to)})` : `try(${cast})`;
}

function plainCast(sql: string, from: SqlType, to: SqlType): string {
  if (typeText(from) === typeText(to) && from.kind !== 'timestamp with time zone') return sql;
  if (from.kind === 'unknown') return `CAST(NULL AS ${duckdbType(to)})`;
  const nested = nestedCast(sql, from, to);
  if (nested) return nested;
  if (to.kind === 'varchar' || to.kind === 'char') {
    const text = toText(sql, from);
    return to.kind === 'varchar' && to.length !== undefined ? `left(${text}, ${to.length})` : text;
  }
  if (from.kind === 'json') return fromJson(sql, to);
  switch (to.kind) {
    case 'json':
      return from.kind === 'varchar' || from.kind === 'char' ? `to_json(CAST(${sql} AS VARCHAR))` : `to_json(${sql})`;
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      // Trino rounds a double half up (Math.round); DuckDB would round half to even.
      if (from.kind === 'double' || from.kind === 'real') return `CAST(floor(${sql} + 0.5) AS ${duckdbType(to)})`;
      return `CAST(${sql} AS ${duckdbType(to)})`;
    case 'date':
      if (from.kind === 'timestamp with time zone') return `CAST(${localTime(sql, from)} AS DATE)`;
      return `CAST(${sql} AS DATE)`;
    case 'timestamp':
      if (from.kind === 'timestamp with time zone') return localTime(sql, from);
      return `CAST(${sql} AS TIMESTAMP)`;
    case 'timestamp with time zone':
      if (from.kind === 'timestamp with time zone') return sql;
      return `CAST(${sql} AS TIMESTAMPTZ)`;
    case 'ipaddress':
      return `_trino_ip_parse(${sql})`;
    case 'varbinary':
      return from.kind === 'varchar' || from.kind === 'char' ? `encode(${sql})` : `CAST(${sql} AS BLOB)`;
    default:
      return `CAST(${sql} AS ${duckdbType(to)})`;
  }
}

/**
 * Rows cast field by field in order (Trino matches positions; DuckDB would match names), and
 * arrays and maps of rows element by element.
 */
function nestedCast(sql: string, from: SqlType, to: SqlType): string | undefined {
  if (from.kind === 'row' && to.kind === 'row') {
    if (from.fields.length !== to.fields.length) return undefined;
    const fields = to.fields.map((field, i) => {
      const source = from.fields[i]!;
      const value = plainCast(`struct_extract(${sql}, ${quoteString(source.name ?? `field${i}`)})`, source.type, field.type);
      return `${quoteIdentifier(field.name ?? `field${i}`)} := ${value}`;
    });
    return `CASE WHEN ${sql} IS NULL THEN NULL ELSE struct_pack(${fields.join(', ')}) END`;
  }
  if (from.kind === 'array' && to.kind === 'array' && containsRow(from.element)) {
    return `list_transform(${sql}, lambda e: ${plainCast('e', from.element, to.element)})`;
  }
  if (from.kind === 'map' && to.kind === 'map' && containsRow(from.value)) {
    return `map_from_entries(list_transform(map_entries(${sql}), lambda e: struct_pack(k := ${plainCast('e.key', from.key, to.key)}, v := ${plainCast('e.value', from.value, to.value)})))`;
  }
  return undefined;
}

const containsRow = (t: SqlType): boolean => t.kind === 'row' || (t.kind === 'array' && containsRow(t.element)) || (t.kind === 'map' && containsRow(t.value));

function toText(sql: string, from: SqlType): string {
  switch (from.kind) {
    case 'json':
      return `_trino_json_to_varchar(${sql})`;
    case 'timestamp':
      return timestampText(sql, from.precision);
    case 'timestamp with time zone':
      return `(${timestampText(localTime(sql, from), from.precision)} || ' ' || ${quoteString(zoneOf(from))})`;
    case 'ipaddress':
      return `_trino_ip_text(${sql})`;
    case 'double':
      return `_trino_double_text(${sql})`;
    case 'real':
      return `_trino_double_text(CAST(${sql} AS DOUBLE))`;
    case 'varbinary':
      return `decode(${sql})`;
    case 'interval day to second':
      return `_trino_interval_text(${sql})`;
    default:
      return `CAST(${sql} AS VARCHAR)`;
  }
}

/** JSON → a SQL type: scalars by their value (a JSON string `"12"` is 12), arrays and objects to arrays, maps and rows. */
function fromJson(sql: string, to: SqlType): string {
  switch (to.kind) {
    case 'array':
    case 'map':
    case 'row':
      return `CAST(${sql} AS ${duckdbType(to)})`;
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'real':
    case 'double':
    case 'decimal':
      return `CAST(_trino_json_to_varchar(${sql}) AS ${duckdbType(to)})`;
    default:
      return `CAST(_trino_json_to_varchar(${sql}) AS ${duckdbType(to)})`;
  }
}
