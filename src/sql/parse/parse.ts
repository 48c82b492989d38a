/**
 * Text → tree. `parseQuery` is the one way SQL enters trailsight: lint, the engine, the endpoint's
 * Athena and the preview all use it, so no text can mean one thing to a check and another to DuckDB.
 */
import { ExplainContext, StatementDefaultContext, UseContext, type StatementContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js';
import { SqlError } from '../errors.ts';
import type { Expression, Query } from '../tree/ast.ts';
import { ExpressionBuilder } from './build-expression.ts';
import { startOf } from './build-names.ts';
import { QueryBuilder } from './build-query.ts';
import { parseStatementTree } from './trino-grammar.ts';

/** What a statement is, for what Athena reports (`StatementType`) and what it refuses. */
export type StatementKind = 'query' | 'ddl' | 'utility' | 'dml';

export interface ParsedQuery {
  readonly query: Query;
  /** How many `?` parameters the query has. */
  readonly parameters: number;
}

/**
 * Parses one Trino statement that must be a query (SELECT, WITH, VALUES, TABLE). Anything else —
 * DDL, INSERT, SET SESSION, EXPLAIN, several statements — is a SqlError, as is every syntax error.
 */
export function parseQuery(text: string): ParsedQuery {
  const tree = parseStatementTree(text);
  const statement = tree.statement();
  if (!(statement instanceof StatementDefaultContext)) throw notAQuery(statement);
  const root = statement.rootQuery();
  if (root.withFunction()) throw new SqlError('NOT_SUPPORTED', 'WITH FUNCTION (inline functions) is not supported', startOf(root));
  const expressions = new ExpressionBuilder();
  const query = new QueryBuilder(expressions).query(root.query());
  return { query, parameters: expressions.parameterCount };
}

const EXPRESSION_PREFIX = 'SELECT ';

/**
 * Parses one expression (a column's `expr`, a filter). It is parsed as `SELECT <text>` (Trino's
 * grammar has no rule for an expression anchored at the end of the text), which must then be one
 * unnamed select item and nothing else; offsets are the text's own.
 */
export function parseExpression(text: string): Expression {
  let parsed: ParsedQuery;
  try {
    parsed = parseQuery(`${EXPRESSION_PREFIX}${text}`);
  } catch (error) {
    throw error instanceof SqlError ? shift(error) : error;
  }
  const { body, orderBy, limit, offset, with: withClause } = parsed.query;
  const item = body.kind === 'select' && body.items.length === 1 ? body.items[0] : undefined;
  const clean =
    body.kind === 'select' &&
    !withClause &&
    orderBy.length === 0 &&
    !limit &&
    !offset &&
    body.from.length === 0 &&
    !body.where &&
    !body.groupBy &&
    !body.having &&
    body.windows.length === 0 &&
    !body.distinct;
  if (item?.kind !== 'item' || !clean) throw new SqlError('SYNTAX_ERROR', 'expected one expression', 0);
  if (item.alias) throw new SqlError('SYNTAX_ERROR', `an expression cannot be named here ('${item.alias.value}')`, item.alias.at - EXPRESSION_PREFIX.length);
  return shiftTree(item.expression);
}

function shift(error: SqlError): SqlError {
  return new SqlError(error.code, error.detail, error.offset === undefined ? undefined : Math.max(0, error.offset - EXPRESSION_PREFIX.length), error.subject);
}

/** The tree with every offset moved back past the prefix. */
function shiftTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shiftTree) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === 'at' && typeof v === 'number' ? v - EXPRESSION_PREFIX.length : shiftTree(v)]),
  ) as T;
}

/** Athena's statement type of a text that may not parse as a query: DML for queries, DDL for schema changes. */
export function statementKind(text: string): StatementKind {
  try {
    const statement = parseStatementTree(text).statement();
    if (statement instanceof StatementDefaultContext) return 'query';
    return kindOf(statement);
  } catch {
    const first = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*\(?\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? '';
    if (['CREATE', 'DROP', 'ALTER', 'MSCK', 'SHOW', 'DESCRIBE'].includes(first)) return 'ddl';
    if (['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UNLOAD'].includes(first)) return 'dml';
    return first === 'SELECT' || first === 'WITH' || first === 'VALUES' ? 'query' : 'utility';
  }
}

function kindOf(statement: StatementContext): StatementKind {
  const name = statement.constructor.name;
  if (/^(Create|Drop|Alter|Rename|Add|Comment|Set(Column|Table|Schema|View|MaterializedView)|Truncate|Show|Describe)/.test(name)) return 'ddl';
  if (/^(Insert|Update|Delete|Merge)/.test(name)) return 'dml';
  return 'utility';
}

function notAQuery(statement: StatementContext): SqlError {
  const at = startOf(statement);
  if (statement instanceof ExplainContext)
    return new SqlError('NOT_SUPPORTED', "EXPLAIN is not supported by trailsight's local engine; run the query itself", at);
  if (statement instanceof UseContext) return new SqlError('NOT_SUPPORTED', 'USE is not supported: choose the database in the query execution context', at);
  const words = statement.start?.text?.toUpperCase() ?? 'this statement';
  const kind = kindOf(statement);
  const what =
    kind === 'ddl'
      ? 'a schema statement (tables are created through Glue)'
      : kind === 'dml'
        ? 'a statement that changes data'
        : 'a session or utility statement';
  return new SqlError('NOT_SUPPORTED', `${words} is ${what}, not a query: only queries (SELECT, WITH, VALUES) run here`, at);
}
