import { ALL_COLUMNS, columnPaths } from '../../cloudtrail/index.ts';
import type { DataSetColumnSpec, DataSetQuery } from '../../language/index.ts';
import { printExpression, quoteIdentifier, renameTables, type Ast } from '../../sql/index.ts';
import { sqlType } from './columns.ts';
import { TABLE_PLACEHOLDERS, type QualifiedTables } from './qualify.ts';
import type { TrailTableKind } from '../../cloudtrail/index.ts';

/** `"database"."table"`: the Glue table as Athena (and the local engine) name it. */
export function qualifiedTable(database: string, table: string): string {
  return `${quoteIdentifier(database)}.${quoteIdentifier(table)}`;
}

/** Dotted paths of the table's string columns (`eventname`, `useridentity.arn`, `timestamp`). */
const STRING_PATHS: ReadonlySet<string> = new Set(
  columnPaths(ALL_COLUMNS)
    .filter((p) => p.column.type.kind === 'string')
    .map((p) => p.path),
);

/**
 * The predicate that keeps the last `days` days: on the `timestamp` partition (`yyyy/MM/dd` text), so
 * Athena reads only those days' files.
 */
export function windowPredicate(days: number): string {
  return `"timestamp" >= date_format(current_date - interval '${days}' day, '%Y/%m/%d')`;
}

/**
 * One output column: a string column of the table is selected as is; anything else is cast to the
 * declared type, so Athena, DuckDB and QuickSight agree on it. A datetime read from a string column
 * (`eventtime`) is parsed as ISO 8601 first.
 */
export function selectItem(column: DataSetColumnSpec, parsed: Ast.Expression): string {
  // Printed from its parsed tree: what Athena runs is exactly what the gate checked.
  const expr = printExpression(parsed);
  const type = column.type ?? 'string';
  const isStringColumn = STRING_PATHS.has(expr.toLowerCase());
  let value: string;
  if (type === 'string' && isStringColumn) value = expr;
  else if (type === 'datetime' && isStringColumn) value = `CAST(from_iso8601_timestamp(${expr}) AS timestamp)`;
  else value = `CAST(${expr} AS ${sqlType(type)})`;
  return `${value} AS ${quoteIdentifier(column.name)}`;
}

/** Which of the trail's tables a free SQL query names (`cloudtrail_logs`, `cloudtrail_insights`). */
function placeholderOf(parts: readonly string[]): TrailTableKind | undefined {
  const [name] = parts;
  return parts.length === 1 && name !== undefined && Object.hasOwn(TABLE_PLACEHOLDERS, name) ? TABLE_PLACEHOLDERS[name] : undefined;
}

/** The trail's tables a dataset's SQL reads: the events' always for columns, those free SQL names. */
export function tablesRead(query: DataSetQuery): TrailTableKind[] {
  if (query.form !== 'sql') return ['logs'];
  const read = new Set<TrailTableKind>();
  renameTables(query.text, query.query, (parts) => {
    const kind = placeholderOf(parts);
    if (kind) read.add(kind);
    return undefined;
  });
  return (['logs', 'insights'] as const).filter((kind) => read.has(kind));
}

/**
 * The dataset's custom SQL over the CloudTrail table: its columns, row filter and time window; or its
 * free SQL with `cloudtrail_logs` and `cloudtrail_insights` qualified to the Project's Glue tables.
 */
export function datasetSql(query: DataSetQuery, tables: QualifiedTables): string {
  if (query.form === 'sql') {
    return renameTables(query.text, query.query, (parts) => {
      const kind = placeholderOf(parts);
      return kind ? tables[kind] : undefined;
    });
  }
  const table = tables.logs;
  const predicates = [...(query.where ? [`(${printExpression(query.where)})`] : []), ...(query.windowDays ? [windowPredicate(query.windowDays)] : [])];
  return [
    'SELECT',
    query.select.map((s) => `  ${selectItem(s.column, s.expr)}`).join(',\n'),
    `FROM ${table}`,
    ...(predicates.length > 0 ? [`WHERE ${predicates.join('\n  AND ')}`] : []),
  ].join('\n');
}
