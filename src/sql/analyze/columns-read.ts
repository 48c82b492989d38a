/**
 * Which columns of a table a query reads: every name that resolves to one of the table's reads and
 * every `*` expanded over one. The engine reads only those from the logs on a cold query (a log
 * file's JSON is parsed whole, but only these values are converted and stored). Anything it cannot
 * tell for sure — a NATURAL or USING join, columns renamed by an alias list — is every column: it
 * may answer too much, never too little.
 */
import type * as Ast from '../tree/ast.ts';
import type { Analysis } from './analysis.ts';
import type { CatalogTable } from './catalog.ts';

/** The lower-case names of `table`'s columns the query reads (hidden ones included), or undefined for all of them. */
export function columnsRead(query: Ast.Query, analysis: Analysis, table: CatalogTable): ReadonlySet<string> | undefined {
  const ids = new Set<number>();
  for (const read of analysis.tables.values()) if (read.table === table) ids.add(read.id);
  const known = new Set([...table.columns, ...table.hidden].map((c) => c.name.toLowerCase()));
  const read = new Set<string>();
  if (ids.size === 0) return read;
  if (joinsByName(query)) return undefined;
  const add = (name: string | undefined): boolean => {
    if (name === undefined || !known.has(name.toLowerCase())) return false;
    read.add(name.toLowerCase());
    return true;
  };
  for (const resolution of analysis.names.values()) {
    if (resolution.kind === 'field' && ids.has(resolution.relation) && !add(resolution.field.name)) return undefined;
  }
  for (const expanded of analysis.stars.values()) {
    for (const { relation, field } of expanded) if (ids.has(relation) && !add(field.name)) return undefined;
  }
  return read;
}

/** Whether the tree holds a join that compares columns by name (NATURAL, USING) or renames columns (an alias list). */
function joinsByName(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(joinsByName);
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record.kind === 'join' && (record.natural === true || (Array.isArray(record.using) && record.using.length > 0))) return true;
  if (record.kind === 'aliased' && Array.isArray(record.columns) && record.columns.length > 0) return true;
  return Object.values(record).some(joinsByName);
}
