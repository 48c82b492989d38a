import type * as Ast from '../tree/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import { Analysis, type OutputColumn } from './analysis.ts';
import { ExpressionAnalyzer } from './analyze-expression.ts';
import { QueryAnalyzer } from './analyze-query.ts';
import type { Catalog, CatalogTable } from './catalog.ts';
import { Scope } from './scope.ts';

export interface AnalyzedQuery {
  readonly query: Ast.Query;
  readonly analysis: Analysis;
  readonly columns: readonly OutputColumn[];
}

function analyzers(catalog: Catalog): { analysis: Analysis; queries: QueryAnalyzer; expressions: ExpressionAnalyzer } {
  const analysis = new Analysis();
  const expressions = new ExpressionAnalyzer(analysis);
  const queries = new QueryAnalyzer(analysis, catalog, expressions);
  return { analysis, queries, expressions };
}

/**
 * Resolves and types a query. By default the first problem is thrown (a SqlError); with `collect`,
 * every problem the analysis can reach is in `analysis.problems` and nothing is thrown for them.
 */
export function analyzeQuery(query: Ast.Query, catalog: Catalog, options: { collect?: boolean } = {}): AnalyzedQuery {
  const { analysis, queries } = analyzers(catalog);
  queries.collect = options.collect ?? false;
  let columns: readonly OutputColumn[] = [];
  queries.guard(() => {
    columns = queries.query(query, undefined);
  });
  return { query, analysis, columns };
}

/**
 * Types an expression over the columns of one table, as a select item of `SELECT … FROM table`:
 * aggregates allowed unless `scalarOnly`. Returns its type; problems as with analyzeQuery.
 */
export function analyzeExpression(
  expression: Ast.Expression,
  table: CatalogTable,
  options: { collect?: boolean; scalarOnly?: boolean; condition?: boolean } = {},
): { analysis: Analysis; type: SqlType } {
  const analysis = new Analysis();
  const expressions = new ExpressionAnalyzer(analysis);
  const queries = new QueryAnalyzer(
    analysis,
    { defaultCatalog: table.catalog, defaultDatabase: table.database, table: () => undefined, hasDatabase: () => true, hasCatalog: () => true },
    expressions,
  );
  queries.collect = options.collect ?? false;
  const fields = [
    ...table.columns.map((c) => ({ name: c.name, type: c.type, column: c.name })),
    ...table.hidden.map((c) => ({ name: c.name, type: c.type, column: c.name, hidden: true })),
  ];
  const scope = new Scope([{ id: 0, qualifiers: [[table.catalog, table.database, table.name]], fields }]);
  const place = options.scalarOnly ? { scope, noAggregates: 'This expression', noWindows: 'This expression' } : { scope };
  let type: SqlType = { kind: 'unknown' };
  queries.guard(() => {
    if (options.condition) expressions.condition(expression, place, 'A filter');
    type = expressions.analyze(expression, place);
  });
  return { analysis, type };
}
