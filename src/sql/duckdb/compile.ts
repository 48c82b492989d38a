/** Trino text → analyzed tree → DuckDB SQL, in one call for the engine. */
import { analyzeQuery } from '../analyze/analyze.ts';
import type { Analysis, OutputColumn } from '../analyze/analysis.ts';
import type { Catalog } from '../analyze/catalog.ts';
import { parseQuery } from '../parse/parse.ts';
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

/** Parses, analyzes and translates one Trino query; throws the first SqlError. */
export function compileForDuckDb(text: string, catalog: Catalog): DuckDbQuery {
  const { query, parameters } = parseQuery(text);
  if (parameters > 0) throw new SqlError('INVALID_PARAMETER_USAGE', `Incorrect number of parameters: expected ${parameters} but found 0`, 0);
  const { analysis, columns } = analyzeQuery(query, catalog);
  return { sql: presentQuery(toDuckDb(query, analysis), columns), columns, query, analysis };
}
