/**
 * The last step of a query: each output column as Athena presents it. Values whose DuckDB form is
 * not Trino's text (a DECIMAL's exact digits, an IPADDRESS, a timestamp in its zone and precision,
 * VARBINARY as Athena's hex bytes) become that text here, in DuckDB; the rest stay typed values.
 */
import type { OutputColumn } from '../analyze/analysis.ts';
import { quoteIdentifier, quoteString } from '../text/quote.ts';
import type { SqlType } from '../types/sql-type.ts';
import { localTime, timestampText } from './emit-cast.ts';

export function presentColumn(sql: string, type: SqlType): string {
  switch (type.kind) {
    case 'decimal':
      return `CAST(${sql} AS VARCHAR)`;
    case 'ipaddress':
      return `_trino_ip_text(${sql})`;
    case 'timestamp':
      return timestampText(sql, type.precision);
    case 'timestamp with time zone':
      return `(${timestampText(localTime(sql, type), type.precision)} || ' ' || ${quoteString(type.zone ?? 'UTC')})`;
    case 'time':
      return `CAST(${sql} AS VARCHAR)`;
    case 'varbinary':
      return `_trino_varbinary_text(${sql})`;
    case 'json':
      return `CAST(${sql} AS VARCHAR)`;
    case 'interval day to second':
      return `_trino_interval_text(${sql})`;
    case 'uuid':
      return `CAST(${sql} AS VARCHAR)`;
    default:
      return sql;
  }
}

/** The query wrapped so that each column is presented (order kept: a plain projection does not reorder). */
export function presentQuery(sql: string, columns: readonly OutputColumn[]): string {
  const items = columns.map((c, i) => `${presentColumn(quoteIdentifier(`_c${i}`), c.type)} AS ${quoteIdentifier(`_c${i}`)}`);
  if (items.every((item, i) => item === `${quoteIdentifier(`_c${i}`)} AS ${quoteIdentifier(`_c${i}`)}`)) return sql;
  return `SELECT ${items.join(', ')} FROM (${sql}) AS "q"`;
}
