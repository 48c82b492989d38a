import { pathText, type Finding } from '../finding.ts';
import type { JsonPath, YamlLocated } from '../load/located.ts';
import type { DataSetSpec } from '../schema/index.ts';
import { checkSql, type SqlForm } from '../sql/check-sql.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';
import { checkSqlOutput } from './sql-output.ts';

/**
 * Column expressions, `where` and free `sql` are Athena SQL naming only CloudTrail columns; free `sql`
 * selects exactly the columns it declares, and comes without `where`, `window` or column `expr`
 * (compile would have to ignore them).
 */
export const datasetSql: Rule = {
  name: 'dataset-sql',
  check({ datasets }) {
    return datasets.flatMap((located) => checkDataset(located, this.name));
  },
};

function checkDataset(located: YamlLocated<DataSetSpec>, rule: string): Finding[] {
  const { spec } = located;
  const findings: Finding[] = [];
  const check = (sql: string, form: SqlForm, path: JsonPath, what: string) => {
    for (const p of checkSql(sql, form)) {
      const { file, line, col } = p.offset > 0 ? located.atText(path, p.offset) : located.at(path);
      findings.push({ file, line, col, message: `${what}: ${p.message}`, rule, severity: p.severity, path: pathText(path) });
    }
  };
  if (spec.sql !== undefined) {
    check(spec.sql, 'query', ['sql'], 'sql');
    if (!findings.some((f) => f.severity === 'error')) findings.push(...checkSqlOutput(located, rule));
    spec.columns.forEach((c, i) => {
      if (c.expr !== undefined) {
        findings.push(
          findingAt(
            located,
            ['columns', i, 'expr'],
            rule,
            `column '${c.name}': \`expr\` cannot go with \`sql\` (columns then declare its output, name and type): compute it in the SQL`,
            { atKey: true },
          ),
        );
      }
    });
    if (spec.where !== undefined)
      findings.push(findingAt(located, ['where'], rule, '`where` cannot go with `sql`: put the row filter in the SQL itself', { atKey: true }));
    if (spec.window !== undefined) {
      findings.push(
        findingAt(located, ['window'], rule, '`window` cannot go with `sql`: filter on the "timestamp" partition in the SQL itself', { atKey: true }),
      );
    }
    return findings;
  }
  spec.columns.forEach((c, i) => {
    if (c.expr !== undefined) check(c.expr, 'expression', ['columns', i, 'expr'], `column '${c.name}'`);
    else check(c.name, 'expression', ['columns', i, 'name'], `column '${c.name}' has no expr, so it must be a CloudTrail column`);
  });
  if (spec.where !== undefined) check(spec.where, 'condition', ['where'], 'where');
  return findings;
}
