/** Trino literals as DuckDB SQL with the same value and type. */
import { SqlError } from '../errors.ts';
import type * as Ast from '../tree/ast.ts';
import { parseIpAddress } from '../types/ip-address.ts';
import type { SqlType } from '../types/sql-type.ts';
import { quoteString } from '../text/quote.ts';
import { duckdbType } from './duckdb-type.ts';

export function emitTypedLiteral(e: Ast.TypedLiteral, type: SqlType): string {
  switch (type.kind) {
    case 'ipaddress':
      return `CAST(${quoteString(String(parseIpAddress(e.value)))} AS UHUGEINT)`;
    case 'json':
      return `json(${quoteString(e.value)})`;
    case 'timestamp with time zone':
      return `CAST(${quoteString(e.value.trim().replace(/ (UTC|Z)$/, '+00'))} AS TIMESTAMPTZ)`;
    default:
      return `CAST(${quoteString(e.value.trim())} AS ${duckdbType(type)})`;
  }
}

const FIELD_ORDER: readonly Ast.IntervalField[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

/** `INTERVAL '3 04:05:06' DAY TO SECOND` → DuckDB's interval text `3 days 4 hours 5 minutes 6 seconds`. */
export function emitInterval(e: Ast.IntervalLiteral): string {
  const from = FIELD_ORDER.indexOf(e.from);
  const to = e.to ? FIELD_ORDER.indexOf(e.to) : from;
  const numbers = e.value.trim().split(/[-: ]/);
  const fields = FIELD_ORDER.slice(from, to + 1);
  if (numbers.length !== fields.length || !numbers.every((n, i) => /^\d+$/.test(n) || (fields[i] === 'second' && /^\d+(\.\d+)?$/.test(n)))) {
    throw new SqlError('INVALID_LITERAL', `'${e.value}' is not a valid interval literal`, e.at);
  }
  const text = fields.map((f, i) => `${numbers[i]} ${f}s`).join(' ');
  return `${e.negative ? '-' : ''}INTERVAL ${quoteString(text)}`;
}

export function emitNumber(e: Ast.NumberLiteral, type: SqlType): string {
  if (e.type === 'double') return `CAST(${quoteString(e.text)} AS DOUBLE)`;
  if (e.type === 'decimal') return `CAST(${quoteString(e.text)} AS ${duckdbType(type)})`;
  return type.kind === 'bigint' ? `CAST(${e.text} AS BIGINT)` : `CAST(${e.text} AS INTEGER)`;
}
