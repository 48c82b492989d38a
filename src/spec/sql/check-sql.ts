import { checkColumnPath } from './check-columns.ts';
import { cteWithColumns, findColumnRefs } from './column-refs.ts';
import { parses } from './syntax.ts';
import { tokenize, unbalanced, type Token } from './tokenize.ts';

/** The CloudTrail table as free SQL names it; the compiler qualifies it with the Glue database. */
export const SQL_TABLE = 'cloudtrail_logs';

/** A problem in a piece of SQL, at an offset in its text. */
export interface SqlProblem {
  readonly offset: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** What the SQL is: a column expression, a row condition (`where`), or a whole query (`sql`). */
export type SqlForm = 'expression' | 'condition' | 'query';

/**
 * Checks Athena SQL over the CloudTrail table:
 * - lexically (always): strings, quoted names, comments and parentheses are closed; every column
 *   named exists in the CloudTrail table, struct fields included; free SQL reads only `cloudtrail_logs`;
 * - syntactically (as far as node-sql-parser knows Trino): when it cannot parse the text, a warning
 *   says so, as the parser misses some valid Trino constructs; it is never reported as an error.
 */
export function checkSql(sql: string, form: SqlForm): SqlProblem[] {
  const lexed = tokenize(sql);
  if ('error' in lexed) return [{ offset: lexed.offset, message: lexed.error, severity: 'error' }];
  const { tokens } = lexed;
  const open = unbalanced(tokens);
  if (open) return [{ offset: open.offset, message: open.message, severity: 'error' }];
  const problems: SqlProblem[] = [];
  const first = tokens[0];
  if (form === 'query' && !(first?.text === 'select' || first?.text === 'with')) {
    return [{ offset: first?.offset ?? 0, message: 'free SQL must be a query starting with SELECT or WITH', severity: 'error' }];
  }
  if (form !== 'query') {
    const statement = tokens.find((t) => t.kind === 'ident' && (t.text === 'select' || t.text === 'from'));
    const semicolon = tokens.find((t) => t.kind === 'symbol' && t.text === ';');
    const bad = statement ?? semicolon;
    if (bad) return [{ offset: bad.offset, message: `${form === 'expression' ? 'an expression' : 'a condition'} cannot contain '${bad.text.toUpperCase()}'; use \`sql\` for a whole query`, severity: 'error' }];
  }
  const { columns, tables } = findColumnRefs(tokens);
  const ctes = cteNames(tokens);
  for (const table of tables) {
    if (table.name !== SQL_TABLE && !ctes.has(table.name)) {
      problems.push({ offset: table.offset, message: `unknown table '${table.name}': name the CloudTrail table ${SQL_TABLE}`, severity: 'error' });
    }
  }
  for (const ref of columns) {
    const message = checkColumnPath(ref.path);
    if (message) problems.push({ offset: ref.offset, message, severity: 'error' });
  }
  if (problems.length > 0) return problems;
  const parsed = parses(wrap(sql, form), tokens.map((t) => ({ ...t, offset: t.offset + prefix(form).length })));
  if (!parsed.ok) {
    problems.push({ offset: 0, message: `SQL syntax not confirmed (${parsed.message}); the checker's parser does not know every Trino construct, so check this in Athena`, severity: 'warning' });
  }
  return problems;
}

function prefix(form: SqlForm): string {
  return form === 'expression' ? 'SELECT ' : form === 'condition' ? `SELECT 1 FROM ${SQL_TABLE} WHERE ` : '';
}

function wrap(sql: string, form: SqlForm): string {
  return form === 'expression' ? `${prefix(form)}${sql} AS value FROM ${SQL_TABLE}` : `${prefix(form)}${sql}`;
}

/** Names a WITH clause defines: `name AS (`, `name (a, b) AS (`. */
function cteNames(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if ((t.kind === 'ident' || t.kind === 'quoted') && next?.text === 'as' && after?.text === '(') names.add(t.text);
    if (cteWithColumns(tokens, i)) names.add(t.text);
  });
  return names;
}
