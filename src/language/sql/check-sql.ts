/**
 * A spec's SQL checked as Athena would check it, with the one parser and analyzer the engine runs
 * (src/sql): a column's `expr` and a `where` are Trino expressions over the CloudTrail table, free
 * `sql` a Trino query that reads only the trail's tables, `cloudtrail_logs` (its events) and
 * `cloudtrail_insights` (its Insights events). Every problem is reported at its offset.
 */
import { cloudTrailTable, INSIGHTS_TABLE, LOGS_TABLE } from '../../cloudtrail/index.ts';
import {
  SqlError,
  analyzeExpression,
  analyzeQuery,
  lexicalProblem,
  parseExpression,
  parseQuery,
  registeredFunctions,
  staticCatalog,
  type Ast,
  type OutputColumn,
} from '../../sql/index.ts';
import { closest } from '../suggest.ts';
import { checkColumnPath } from './check-columns.ts';

/** The trail's tables as free SQL names them; the compiler qualifies them with the Glue database and the Project's table names. */
export const SQL_TABLES: readonly string[] = [LOGS_TABLE.name, INSIGHTS_TABLE.name];

/** A problem in a piece of SQL, at an offset in its text. */
export interface SqlProblem {
  readonly offset: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** What the SQL is: a column expression, a row condition (`where`), or a whole query (`sql`). */
export type SqlForm = 'expression' | 'condition' | 'query';

/** The database lint resolves the tables in (any name would do: specs never name one). */
const LINT_DATABASE = 'trailsight_spec';
const TABLE = cloudTrailTable({ database: LINT_DATABASE, name: LOGS_TABLE.name });
const CATALOG = staticCatalog([TABLE, cloudTrailTable({ database: LINT_DATABASE, name: INSIGHTS_TABLE.name, model: INSIGHTS_TABLE })], LINT_DATABASE);

export interface CheckedSql {
  readonly problems: SqlProblem[];
  /** A query's output columns, as Trino names and types them (when it analyzed). */
  readonly columns?: readonly OutputColumn[];
  readonly query?: Ast.Query;
}

export function checkSql(sql: string, form: SqlForm): SqlProblem[] {
  return checkSqlText(sql, form).problems;
}

export function checkSqlText(sql: string, form: SqlForm): CheckedSql {
  try {
    if (form === 'query') {
      const { query, parameters } = parseQuery(sql);
      if (parameters > 0) return { problems: [{ offset: 0, message: 'free SQL cannot have ? parameters', severity: 'error' }] };
      const analyzed = analyzeQuery(query, CATALOG, { collect: true });
      return { problems: analyzed.analysis.problems.map(describe), columns: analyzed.columns, query };
    }
    const expression = parseExpression(sql);
    const subquery = findSubquery(expression);
    if (subquery) {
      const what = form === 'expression' ? 'an expression' : 'a condition';
      return { problems: [{ offset: subquery, message: `${what} cannot contain a subquery (SELECT); use \`sql\` for a whole query`, severity: 'error' }] };
    }
    const { analysis } = analyzeExpression(expression, TABLE, { collect: true, scalarOnly: true, condition: form === 'condition' });
    return { problems: analysis.problems.map(describe) };
  } catch (error) {
    if (!(error instanceof SqlError)) throw error;
    const lexical = error.code === 'SYNTAX_ERROR' ? lexicalProblem(sql) : undefined;
    if (lexical) return { problems: [{ offset: lexical.offset, message: lexical.message, severity: 'error' }] };
    return { problems: [describe(error)] };
  }
}

/** A problem in the words a spec author needs: which column, table or function, and what was meant. */
function describe(error: SqlError): SqlProblem {
  const offset = error.offset ?? 0;
  const problem = (message: string): SqlProblem => ({ offset, message, severity: 'error' });
  switch (error.code) {
    case 'COLUMN_NOT_FOUND':
    case 'TYPE_MISMATCH':
      if (error.subject) return problem(checkColumnPath(error.subject) ?? error.detail);
      return problem(error.detail);
    case 'TABLE_NOT_FOUND':
    case 'SCHEMA_NOT_FOUND':
    case 'CATALOG_NOT_FOUND': {
      const name = /'([^']+)'/.exec(error.detail)?.[1] ?? '';
      return problem(
        `unknown table '${name.replace(`awsdatacatalog.${LINT_DATABASE}.`, '')}': name the CloudTrail table ${LOGS_TABLE.name} (or ${INSIGHTS_TABLE.name}, its Insights events)`,
      );
    }
    case 'FUNCTION_NOT_FOUND': {
      const name = /^Function '([^']+)' not registered/.exec(error.detail)?.[1];
      const hint =
        name &&
        closest(
          name,
          registeredFunctions().map((f) => f.name),
        );
      return problem(`${error.detail}${hint ? ` (did you mean '${hint}'?)` : ''}`);
    }
    case 'SYNTAX_ERROR':
      return problem(`syntax error: ${error.detail}`);
    default:
      return problem(error.detail);
  }
}

/** Where the first subquery of an expression starts (its SELECT). */
function findSubquery(expression: Ast.Expression): number | undefined {
  let found: number | undefined;
  const visit = (value: unknown): void => {
    if (found !== undefined || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as { kind?: string };
    if (node.kind === 'subquery' || node.kind === 'exists' || node.kind === 'in-subquery' || node.kind === 'quantified-comparison') {
      found = (node as { query: Ast.Query }).query.at;
      return;
    }
    Object.values(node).forEach(visit);
  };
  visit(expression);
  return found;
}
