/**
 * Partition pruning: for each place a query reads a table, the WHERE conditions that use nothing
 * but the table's partition columns and constants, as DuckDB SQL over a relation of candidate
 * partitions. The engine evaluates them on each partition's values (account, region, day), so
 * DuckDB's own semantics decide `=`, IN, ranges, LIKE and functions. Anything unclear — an outer
 * join, a subquery in the condition — keeps every partition: pruning may read too much, never too
 * little.
 */
import type { Analysis } from '../analyze/analysis.ts';
import type { CatalogTable } from '../analyze/catalog.ts';
import type * as Ast from '../tree/ast.ts';
import { DuckDbEmitter } from './emit.ts';

/** One read of the table: a predicate over the partition columns, or null when every partition is needed. */
export type ReadFilter = string | null;

const CONSTANT_KINDS = new Set<Ast.Expression['kind']>([
  'string',
  'number',
  'boolean',
  'null',
  'typed-literal',
  'interval',
  'binary',
  'column',
  'call',
  'cast',
  'case',
  'arithmetic',
  'negation',
  'concat',
  'comparison',
  'logical',
  'not',
  'between',
  'in-list',
  'like',
  'is-null',
  'distinct-from',
  'array',
  'row',
  'at-time-zone',
  'extract',
  'current-time',
  'subscript',
  'dereference',
]);

/**
 * The filters of every read of `table` in the query (an empty list: the query never reads it).
 * `alias` names the relation of candidate partitions the predicates are written against.
 */
export function partitionFilters(query: Ast.Query, analysis: Analysis, table: CatalogTable, partitions: ReadonlySet<string>, alias: string): ReadFilter[] {
  const filters: ReadFilter[] = [];
  for (const select of selects(query)) {
    const { reads, innerOnly } = tableReads(select.from, analysis, table);
    for (const id of reads) {
      const conjuncts = innerOnly && select.where ? splitAnd(select.where) : [];
      const usable = conjuncts.filter((c) => usesOnlyPartitions(c, analysis, id, partitions));
      filters.push(usable.length === 0 ? null : new DuckDbEmitter(analysis).partitionPredicate(usable, id, alias));
    }
  }
  return filters;
}

/** Every SELECT in the query, subqueries and WITH queries included. */
function selects(root: Ast.Query): Ast.Select[] {
  const found: Ast.Select[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as { kind?: string };
    if (node.kind === 'select') found.push(node as Ast.Select);
    for (const child of Object.values(node)) if (child && typeof child === 'object') visit(child);
  };
  visit(root);
  return found;
}

/** The relation ids under which a FROM reads the table, and whether every join there is inner. */
function tableReads(from: readonly Ast.Relation[], analysis: Analysis, table: CatalogTable): { reads: number[]; innerOnly: boolean } {
  const reads: number[] = [];
  let innerOnly = true;
  const visit = (relation: Ast.Relation): void => {
    switch (relation.kind) {
      case 'table': {
        const read = analysis.tables.get(relation);
        if (read && read.table === table) reads.push(read.id);
        return;
      }
      case 'aliased':
      case 'sampled':
        return visit(relation.relation);
      case 'join':
        if (relation.type !== 'inner' && relation.type !== 'cross') innerOnly = false;
        visit(relation.left);
        visit(relation.right);
        return;
      default:
        return;
    }
  };
  from.forEach(visit);
  return { reads, innerOnly };
}

function splitAnd(e: Ast.Expression): Ast.Expression[] {
  return e.kind === 'logical' && e.operator === 'and' ? [...splitAnd(e.left), ...splitAnd(e.right)] : [e];
}

/** A condition on partition columns of relation `id` and constants only (deterministic, no subqueries). */
function usesOnlyPartitions(e: Ast.Expression, analysis: Analysis, id: number, partitions: ReadonlySet<string>): boolean {
  let columns = 0;
  const ok = (x: Ast.Expression): boolean => {
    if (!CONSTANT_KINDS.has(x.kind)) return false;
    if (x.kind === 'column') {
      const resolved = analysis.names.get(x);
      if (resolved?.kind !== 'field' || resolved.relation !== id || !partitions.has(resolved.field.column) || resolved.path.length > 0) return false;
      columns += 1;
      return true;
    }
    if (x.kind === 'call') {
      const call = analysis.calls.get(x);
      if (call?.fn.kind !== 'scalar' || !call.fn.deterministic || x.args.some((a) => a.kind === 'lambda')) return false;
    }
    return children(x).every(ok);
  };
  return ok(e) && columns > 0;
}

function children(e: Ast.Expression): Ast.Expression[] {
  const out: Ast.Expression[] = [];
  for (const value of Object.values(e)) {
    if (Array.isArray(value)) {
      for (const item of value)
        if (isExpression(item)) out.push(item);
        else if (item && typeof item === 'object') for (const inner of Object.values(item)) if (isExpression(inner)) out.push(inner);
    } else if (isExpression(value)) out.push(value);
  }
  return out;
}

function isExpression(value: unknown): value is Ast.Expression {
  return !!value && typeof value === 'object' && 'kind' in value && 'at' in value && (value as { kind: string }).kind !== 'query';
}
