/** Trino text → analyzed tree → DuckDB SQL, in one call for the engine. */
import { analyzeQuery } from '../analyze/analyze.ts';
import type { Analysis, OutputColumn } from '../analyze/analysis.ts';
import type { Catalog } from '../analyze/catalog.ts';
import { parseExpression, parseQuery } from '../parse/parse.ts';
import { bindParameters } from '../tree/bind-parameters.ts';
import { SqlError } from '../errors.ts';
import type * as Ast from '../tree/ast.ts';
import { DuckDbEmitter } from './emit.ts';
import { presentQuery } from './present.ts';

export interface DuckDbQuery {
  /** The DuckDB SQL: columns named `_c0`, `_c1` … in order, each presented as Athena presents it. */
  readonly sql: string;
  /** The query's columns as Athena names and types them. */
  readonly columns: readonly OutputColumn[];
  readonly query: Ast.Query;
  readonly analysis: Analysis;
}

export function toDuckDb(query: Ast.Query, analysis: Analysis): string {
  return new DuckDbEmitter(analysis).query(query);
}

/**
 * Parses, analyzes and translates one Trino query; throws the first SqlError. `parameters` are the
 * texts of the expressions its `?`s stand for (Athena's ExecutionParameters).
 */
export function compileForDuckDb(text: string, catalog: Catalog, parameters: readonly string[] = []): DuckDbQuery {
  const parsed = parseQuery(text);
  const values = parameters.map((value, i) => {
    try {
      return parseExpression(value);
    } catch (error) {
      throw new SqlError('INVALID_PARAMETER_USAGE', `Execution parameter ${i + 1} is not an expression: ${(error as Error).message}`);
    }
  });
  const query = bindParameters(parsed.query, parsed.parameters, values);
  const { analysis, columns } = analyzeQuery(query, catalog);
  return { sql: presentQuery(toDuckDb(query, analysis), columns), columns, query, analysis };
}
