import { pathText, type Finding } from '../finding.ts';
import type { YamlLocated } from '../load/located.ts';
import type { DataSetSpec } from '../schema/index.ts';
import { checkSqlText } from '../sql/check-sql.ts';
import { findingAt } from './rule.ts';

const SHOWN = 8;

/**
 * Free `sql` against its declared `columns`: a declared column the query does not return (at the
 * column), and a returned column not declared (at the select item). The columns are the analyzer's:
 * names as Trino gives them (the alias, a column's last name, `_colN` for an unnamed expression),
 * `*` expanded through joins, subqueries and WITH queries.
 */
export function checkSqlOutput(located: YamlLocated<DataSetSpec>, rule: string): Finding[] {
  const { spec } = located;
  const { columns, problems } = checkSqlText(spec.sql ?? '', 'query');
  if (!columns || problems.length > 0) return [];
  const findings: Finding[] = [];
  const selected = new Set(columns.map((c) => c.name));
  const declared = new Set(spec.columns.map((c) => c.name.toLowerCase()));
  spec.columns.forEach((c, i) => {
    if (selected.has(c.name.toLowerCase())) return;
    findings.push(
      findingAt(located, ['columns', i, 'name'], rule, `column '${c.name}' is declared, but the SQL does not select it (it selects ${names([...selected])})`),
    );
  });
  const at = (offset: number, message: string): Finding => {
    const { file, line, col } = located.atText(['sql'], offset);
    return { file, line, col, message: `sql: ${message}`, rule, severity: 'error', path: pathText(['sql']) };
  };
  const missing = columns.filter((c) => !declared.has(c.name));
  const starred = new Map<number, string[]>();
  for (const c of missing) {
    if (c.origin === 'star') starred.set(c.at, [...(starred.get(c.at) ?? []), c.name]);
    else if (c.origin === 'unnamed')
      findings.push(at(c.at, `a select item has no name (Athena calls it '${c.name}'): name it with AS and declare it in \`columns\``));
    else findings.push(at(c.at, `selects '${c.name}', which \`columns\` does not declare: declare it (name and type) or leave it out`));
  }
  for (const [offset, list] of starred) {
    findings.push(
      at(
        offset,
        `* selects ${list.length} column${list.length === 1 ? '' : 's'} that \`columns\` does not declare (${names(list)}): select the columns by name, or declare them`,
      ),
    );
  }
  return findings;
}

function names(list: readonly string[]): string {
  if (list.length === 0) return 'no named column';
  const shown = list.slice(0, SHOWN).join(', ');
  return list.length > SHOWN ? `${shown}, … ${list.length - SHOWN} more` : shown;
}
