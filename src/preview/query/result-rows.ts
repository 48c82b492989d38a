import type { ColumnInfo, Row } from '@aws-sdk/client-athena';
import type { Cell } from '../shipped.ts';

const NUMERIC = /^(tinyint|smallint|integer|int|bigint|real|double|float|decimal)/i;
const TIME = /^(timestamp|date)/i;

/**
 * One Athena result value as the page shows it: numbers as numbers, date-times as
 * `YYYY-MM-DD HH:MM:SS.sss` (Athena's form, without a zone, so text order is time order),
 * everything else as text; a missing VarCharValue is NULL.
 */
export function cellValue(text: string | undefined, column: ColumnInfo | undefined): Cell {
  if (text === undefined) return null;
  const type = column?.Type ?? 'varchar';
  if (NUMERIC.test(type)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (/^boolean/i.test(type)) return text === 'true';
  if (TIME.test(type)) return normalizeTimestamp(text);
  return text;
}

/** `2026-12-07T17:40:42Z`, `2026-12-07 17:40:42.000 UTC` → `2026-12-07 17:40:42.000`-like: the date and time apart by a space, no zone. */
export function normalizeTimestamp(text: string): string {
  return text
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 ')
    .replace(/(?:\s*UTC|Z|[+-]00:?00)$/, '');
}

/** The data rows of a result page (the header row, which Athena puts first on the first page, removed by the caller). */
export function rowsOf(rows: readonly Row[], columns: readonly ColumnInfo[]): Cell[][] {
  return rows.map((row) => columns.map((column, i) => cellValue(row.Data?.[i]?.VarCharValue, column)));
}
