import type { DimensionField, FilterModel } from '../dashboard-model.ts';
import type { ColumnKind } from './dataset-source.ts';
import { countedText, shownText } from './shown-text.ts';
import { quoteIdentifier, quoteNumber } from './sql-text.ts';

/**
 * Queries that let the page answer exactly for any choice of its controls without shipping
 * rows: the page filters' cells (each distinct combination of the values they test, dates to
 * the day) with their row counts, and distinct counts as signatures over those cells.
 * Plain Trino SQL (window functions, array_agg, array_sort, array_join), so Athena runs it too.
 */

export interface CellQueryInput {
  readonly datasetSql: string;
  /** The dataset's columns: text ones are shipped cut (shown-text.ts). */
  readonly datasetColumns: ReadonlyMap<string, ColumnKind>;
  /** The page filters, in the order of the cells' columns. */
  readonly filters: readonly FilterModel[];
  /** Static predicates over `ds`. */
  readonly where: readonly string[];
  readonly rowCap: number;
}

/**
 * The value a page filter tests: the column itself (text as the page shows it: cut, as the
 * visual's query ships it), dates to the day (the page's date controls pick days).
 */
export function cellColumnExpr(filter: FilterModel, columns: ReadonlyMap<string, ColumnKind>): string {
  const column = quoteIdentifier(filter.column);
  if (filter.columnType === 'date') return `date_trunc('day', ${column})`;
  return shownColumn(filter.column, columns);
}

/** A column as the page gets it: text cut to what the page shows (shown-text.ts), other values as they are. */
export function shownColumn(column: string, columns: ReadonlyMap<string, ColumnKind>): string {
  return columns.get(column) === 'category' ? shownText(quoteIdentifier(column)) : quoteIdentifier(column);
}

/** A column as a distinct count counts it: long text by its beginning and SHA-256 (shown-text.ts), other values as they are. */
export function countedColumn(column: string, columns: ReadonlyMap<string, ColumnKind>): string {
  return columns.get(column) === 'category' ? countedText(quoteIdentifier(column)) : quoteIdentifier(column);
}

/** Cell id order: every filter value ascending, nulls last (the cells query and dense_rank agree). */
function cellOrder(input: CellQueryInput, mode: 'expr' | 'position'): string {
  return input.filters.map((f, i) => `${mode === 'expr' ? cellColumnExpr(f, input.datasetColumns) : String(i + 1)} ASC NULLS LAST`).join(', ');
}

function withDataset(input: CellQueryInput): string {
  return `WITH ds AS (\n${input.datasetSql}\n)`;
}

function whereLine(where: readonly string[]): string[] {
  return where.length ? [`WHERE ${where.join('\n  AND ')}`] : [];
}

/** One row per cell: the filters' values, then `n`, the rows in it. A cell's id is its row number from 0. */
export function cellsQuery(input: CellQueryInput): string {
  const select = input.filters.map((f, i) => `${cellColumnExpr(f, input.datasetColumns)} AS "c${i}"`);
  const positions = input.filters.map((_, i) => String(i + 1));
  return [
    withDataset(input),
    `SELECT ${[...select, 'count(*) AS "n"'].join(', ')}`,
    'FROM ds',
    ...whereLine(input.where),
    `GROUP BY ${positions.join(', ')}`,
    `ORDER BY ${cellOrder(input, 'position')}`,
    `LIMIT ${quoteNumber(input.rowCap + 1)}`,
  ].join('\n');
}

/**
 * A distinct count as signatures: per group of the visual's dimensions, the distinct values
 * grouped by the set of cells each occurs in; rows are the dimensions, the cell ids joined by
 * ',' and how many values share them. The largest groups come first, so a cut drops the smallest.
 */
export function distinctQuery(input: CellQueryInput & { readonly dimensions: readonly string[]; readonly column: string }): string {
  const dims = input.dimensions.map((_, i) => `"d${i}"`);
  const cell = `dense_rank() OVER (ORDER BY ${cellOrder(input, 'expr')}) - 1`;
  // The counted values are told apart whole (two long values with one beginning are two values); only counts leave the query.
  const tagged = [
    ...input.dimensions.map((expr, i) => `${expr} AS "d${i}"`),
    `${countedColumn(input.column, input.datasetColumns)} AS "v"`,
    `${cell} AS "cell"`,
  ];
  const order = ['"n" DESC', ...dims.map((d) => `${d} ASC NULLS LAST`), '"cells" ASC'];
  return [
    `${withDataset(input)},`,
    `"tagged" AS (\nSELECT ${tagged.join(', ')}\nFROM ds${input.where.length ? `\nWHERE ${input.where.join('\n  AND ')}` : ''}\n),`,
    `"signed" AS (\nSELECT ${[...dims, '"v"', `array_join(array_sort(array_agg(DISTINCT CAST("cell" AS varchar))), ',') AS "cells"`].join(', ')}\nFROM "tagged"\nWHERE "v" IS NOT NULL\nGROUP BY ${[...dims, '"v"'].join(', ')}\n)`,
    `SELECT ${[...dims, '"cells"', 'count(*) AS "n"'].join(', ')}`,
    'FROM "signed"',
    `GROUP BY ${[...dims, '"cells"'].join(', ')}`,
    `ORDER BY ${order.join(', ')}`,
    `LIMIT ${quoteNumber(input.rowCap + 1)}`,
  ].join('\n');
}

/**
 * How many rows a query returns in all (asked only when it was cut), per value of its output
 * columns `keys` (the page filters' columns), so the page can tell which choices lost rows.
 */
export function countQuery(sql: string, keys: readonly string[] = [], rowCap = 0): string {
  const withoutLimit = sql.replace(/\nLIMIT \d+$/, '');
  const select = [...keys.map(quoteIdentifier), 'count(*) AS "n"'].join(', ');
  const lines = [`SELECT ${select} FROM (\n${withoutLimit}\n) AS "all_rows"`];
  if (keys.length) {
    const positions = keys.map((_, i) => String(i + 1));
    lines.push(`GROUP BY ${positions.join(', ')}`, `ORDER BY ${positions.map((p) => `${p} ASC NULLS LAST`).join(', ')}`, `LIMIT ${quoteNumber(rowCap + 1)}`);
  }
  return lines.join('\n');
}

/**
 * A dimension as the SQL groups it: date dimensions truncated to their granularity, text cut to
 * what the page shows (values sharing their first SHOWN_TEXT_MAX characters are one group).
 */
export function dimensionExpr(dimension: DimensionField, columns: ReadonlyMap<string, ColumnKind>): string {
  const column = quoteIdentifier(dimension.column);
  if (dimension.type === 'date' && dimension.granularity) return `date_trunc('${dimension.granularity.toLowerCase()}', ${column})`;
  return shownColumn(dimension.column, columns);
}
