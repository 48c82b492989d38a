import { pathText, type Finding } from '../finding.ts';
import type { YamlLocated } from '../load/located.ts';
import type { DataSetSpec } from '../model/index.ts';
import { selectList, type SelectedColumn } from '../sql/select-list.ts';
import { tokenize } from '../sql/tokenize.ts';
import { findingAt } from './rule.ts';

const SHOWN = 8;

/**
 * Free `sql` against its declared `columns`: a declared column the SELECT does not produce (at the
 * column), and a selected column not declared (at the select item). Names are Trino's: the alias, the
 * last name of a column reference, `_colN` for an unnamed expression; `*` expands to the CloudTrail
 * table's (or a CTE's) columns. A `*` whose columns are not known (a join) turns the first check off.
 */
export function checkSqlOutput(located: YamlLocated<DataSetSpec>, rule: string): Finding[] {
  const { spec } = located;
  const lexed = tokenize(spec.sql ?? '');
  const list = 'tokens' in lexed ? selectList(lexed.tokens) : undefined;
  if (!list) return [];
  const findings: Finding[] = [];
  const selected = new Set(list.columns.map((c) => c.name));
  const declared = new Set(spec.columns.map((c) => c.name.toLowerCase()));
  if (list.unresolved.length === 0) {
    spec.columns.forEach((c, i) => {
      if (selected.has(c.name.toLowerCase())) return;
      const shown = names([...selected]);
      findings.push(findingAt(located, ['columns', i, 'name'], rule, `column '${c.name}' is declared, but the SQL does not select it (it selects ${shown})`));
    });
  }
  const missing = list.columns.filter((c) => !declared.has(c.name));
  const at = (offset: number, message: string): Finding => {
    const { file, line, col } = located.atText(['sql'], offset);
    return { file, line, col, message: `sql: ${message}`, rule, severity: 'error', path: pathText(['sql']) };
  };
  const starred = new Map<number, SelectedColumn[]>();
  for (const c of missing) {
    if (c.how === 'star') starred.set(c.offset, [...(starred.get(c.offset) ?? []), c]);
  }
  for (const c of missing) {
    if (c.how === 'unnamed') findings.push(at(c.offset, `a select item has no name (Athena calls it '${c.name}'): name it with AS and declare it in \`columns\``));
    else if (c.how !== 'star') findings.push(at(c.offset, `selects '${c.name}', which \`columns\` does not declare: declare it (name and type) or leave it out`));
  }
  for (const [offset, columns] of starred) {
    findings.push(at(offset, `* selects ${columns.length} column${columns.length === 1 ? '' : 's'} that \`columns\` does not declare (${names(columns.map((c) => c.name))}): select the columns by name, or declare them`));
  }
  return findings;
}

function names(list: readonly string[]): string {
  if (list.length === 0) return 'no named column';
  const shown = list.slice(0, SHOWN).join(', ');
  return list.length > SHOWN ? `${shown}, … ${list.length - SHOWN} more` : shown;
}
