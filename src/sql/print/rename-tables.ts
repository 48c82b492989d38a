/**
 * A query's text with some of its tables renamed, at the places the parser found them: the rest of
 * the text — layout, comments — is kept as written. (The text has parsed, so the places are exact;
 * no pattern over the text is trusted.)
 */
import type * as Ast from '../tree/ast.ts';

/** Every table reference of the query that is not a WITH query's name. */
export function tableReferences(query: Ast.Query): Ast.TableRelation[] {
  const found: Ast.TableRelation[] = [];
  const visit = (value: unknown, withNames: readonly string[]): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, withNames));
    if (!value || typeof value !== 'object') return;
    const node = value as { kind?: string };
    if (node.kind === 'query') {
      const q = node as Ast.Query;
      const names = [...withNames, ...(q.with?.queries.map((n) => n.name.value.toLowerCase()) ?? [])];
      for (const [key, child] of Object.entries(q)) visit(key === 'with' ? q.with?.queries.map((n) => n.query) : child, names);
      return;
    }
    if (node.kind === 'table') {
      const table = node as Ast.TableRelation;
      const isWithQuery = table.name.parts.length === 1 && withNames.includes(table.name.parts[0]!.value.toLowerCase());
      if (!isWithQuery) found.push(table);
      return;
    }
    for (const child of Object.values(node)) visit(child, withNames);
  };
  visit(query, []);
  return found;
}

/** The text with each table `rename` names replaced by what it returns (others kept). */
export function renameTables(text: string, query: Ast.Query, rename: (parts: readonly string[]) => string | undefined): string {
  const edits = tableReferences(query)
    .map((table) => ({ table, to: rename(table.name.parts.map((p) => p.value.toLowerCase())) }))
    .filter((edit): edit is { table: Ast.TableRelation; to: string } => edit.to !== undefined)
    .sort((a, b) => b.table.at - a.table.at);
  let out = text;
  for (const { table, to } of edits) out = `${out.slice(0, table.at)}${to}${out.slice(table.end)}`;
  return out;
}
