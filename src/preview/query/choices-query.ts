import { quoteIdentifier, quoteNumber } from './sql-text.ts';

/** The distinct values of a column, for a dropdown control's choices. */
export function choicesQuery(datasetSql: string, column: string, max = 1000): string {
  const c = quoteIdentifier(column);
  return [`WITH ds AS (\n${datasetSql}\n)`, `SELECT DISTINCT ${c} AS "value"`, 'FROM ds', `WHERE ${c} IS NOT NULL`, 'ORDER BY 1', `LIMIT ${quoteNumber(max)}`].join('\n');
}
