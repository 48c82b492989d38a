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
import { parseExpressionTree, parseStatementTree } from './trino-grammar.ts';

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

/** Parses one expression (a column's `expr`, a filter condition). */
export function parseExpression(text: string): Expression {
  const tree = parseExpressionTree(text);
  const expressions = new ExpressionBuilder();
  new QueryBuilder(expressions);
  return expressions.expression(tree.expression());
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
  if (statement instanceof ExplainContext) return new SqlError('NOT_SUPPORTED', 'EXPLAIN is not supported by trailsight\'s local engine; run the query itself', at);
  if (statement instanceof UseContext) return new SqlError('NOT_SUPPORTED', 'USE is not supported: choose the database in the query execution context', at);
  const words = statement.getText().match(/^[A-Za-z]+/)?.[0]?.toUpperCase() ?? 'this statement';
  const kind = kindOf(statement);
  const what = kind === 'ddl' ? 'schema statements (create tables through Glue)' : kind === 'dml' ? 'statements that change data' : 'session and utility statements';
  return new SqlError('NOT_SUPPORTED', `${words}: trailsight's local Athena runs queries only, not ${what}`, at);
}
