import { ALL_COLUMNS, columnPaths, type Column } from '../../cloudtrail/index.ts';
import { closest } from '../suggest.ts';

const PATHS = columnPaths(ALL_COLUMNS).map((p) => p.path);

/** Whether a column reference names a CloudTrail table column (or a field of one); a message if not. */
export function checkColumnPath(path: readonly string[]): string | undefined {
  let columns: readonly Column[] = ALL_COLUMNS;
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
