/**
 * Athena's execution parameters: each `?` of a query stands for an expression given apart (its
 * text, as in `ExecutionParameters: ["'StopInstances'", "10"]`). Each is parsed as an expression
 * and put in the tree in place of its `?` — never spliced into the query's text.
 */
import { SqlError } from '../errors.ts';
import type * as Ast from './ast.ts';

export function bindParameters(query: Ast.Query, count: number, values: readonly Ast.Expression[]): Ast.Query {
  if (values.length !== count) {
    throw new SqlError('INVALID_PARAMETER_USAGE', `Incorrect number of parameters: expected ${count} but found ${values.length}`, 0);
  }
  if (count === 0) return query;
  const replace = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(replace);
    if (!value || typeof value !== 'object') return value;
    const node = value as { kind?: string; index?: number; at?: number };
    if (node.kind === 'parameter' && typeof node.index === 'number') return values[node.index];
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, replace(child)]));
  };
  return replace(query) as Ast.Query;
}
