import type { ColumnKind } from './dataset-source.ts';
import { shownText } from './shown-text.ts';
import { quoteIdentifier, quoteNumber } from './sql-text.ts';

/** The distinct values of a column, for a dropdown control's choices: text as the visuals ship it (cut, shown-text.ts). */
export function choicesQuery(datasetSql: string, column: string, kind: ColumnKind | undefined, max = 1000): string {
  const c = quoteIdentifier(column);
  const value = kind === 'category' ? shownText(c) : c;
  return [
    `WITH ds AS (\n${datasetSql}\n)`,
    `SELECT DISTINCT ${value} AS "value"`,
    'FROM ds',
    `WHERE ${c} IS NOT NULL`,
    'ORDER BY 1',
    `LIMIT ${quoteNumber(max)}`,
  ].join('\n');
}
