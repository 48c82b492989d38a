import { ALL_COLUMNS, columnPaths, INSIGHTS_TABLE, tableColumns, type Column } from '../../cloudtrail/index.ts';
import { closest } from '../suggest.ts';

const INSIGHTS_COLUMNS = tableColumns(INSIGHTS_TABLE);
const PATHS = [...new Set([...columnPaths(ALL_COLUMNS), ...columnPaths(INSIGHTS_COLUMNS)].map((p) => p.path))];

/**
 * Whether a column reference names a column of the trail's tables (or a field of one); a message if
 * not. A path that starts with a column only the Insights table has is checked against that table.
 */
export function checkColumnPath(path: readonly string[]): string | undefined {
  const insights = !ALL_COLUMNS.some((c) => c.name === path[0]) && INSIGHTS_COLUMNS.some((c) => c.name === path[0]);
  let columns: readonly Column[] = insights ? INSIGHTS_COLUMNS : ALL_COLUMNS;
  for (const [i, name] of path.entries()) {
    const column = columns.find((c) => c.name === name);
    if (!column) {
      if (i === 0) return `unknown column '${path.join('.')}'${hint(path.join('.'))}`;
      const parent = path.slice(0, i).join('.');
      const field = closest(
        name,
        columns.map((c) => c.name),
      );
      return `column '${parent}' has no field '${name}'${field ? ` (did you mean '${parent}.${field}'?)` : ''}`;
    }
    if (i === path.length - 1) return undefined;
    if (column.type.kind !== 'struct') {
      // map['key'] and array[1] are subscripts, not dots; a dot after a string is a mistake.
      return `column '${path.slice(0, i + 1).join('.')}' is ${column.type.kind === 'string' ? 'a string' : `a ${column.type.kind}`}; it has no field '${path[i + 1]}'`;
    }
    columns = column.type.fields;
  }
  return undefined;
}

/** "did you mean" over column paths, also matching a bare field name to its full path. */
function hint(written: string): string {
  const suggestion = closest(written, PATHS) ?? PATHS.find((p) => p.endsWith(`.${written}`));
  return suggestion ? ` (did you mean '${suggestion}'?)` : '';
}
