/**
 * Athena's names for result columns: an aliased expression keeps its alias, a column or field
 * reference its (last) name, anything else is `_col<position>` (DuckDB would name it after the
 * expression text, e.g. `count_star()`).
 */
import type { Database } from '../sql/database.ts';
import { quoteString } from '../sql/quote.ts';

type Node = Record<string, unknown>;

function label(expression: Node, position: number): string | undefined {
  if (expression.alias) return String(expression.alias);
  if (expression.class === 'STAR' || expression.class === 'COLUMNS') return undefined;
  if (expression.class === 'COLUMN_REF') {
    const names = expression.column_names as string[];
    return names[names.length - 1];
  }
  const structExtract = expression.type === 'STRUCT_EXTRACT' || (expression.class === 'FUNCTION' && expression.function_name === 'struct_extract');
  if (structExtract) {
    const key = (expression.children as Node[])[1];
    const value = key?.class === 'CONSTANT' ? (key.value as { value?: unknown }).value : undefined;
    if (typeof value === 'string') return value;
  }
  return `_col${position}`;
}

/** The Athena column names of a plain SELECT, or undefined when they cannot be told (stars, set operations, other statements). */
export async function athenaColumnNames(db: Database, sql: string): Promise<string[] | undefined> {
  try {
    const [row] = await db.objects<{ ast: string }>(`SELECT json_serialize_sql(${quoteString(sql)}) AS ast`);
    const parsed = JSON.parse(row.ast) as { error: boolean; statements?: { node: Node }[] };
    const node = parsed.error ? undefined : parsed.statements?.[0]?.node;
    if (!node || node.type !== 'SELECT_NODE') return undefined;
    const names = (node.select_list as Node[]).map(label);
    return names.every((n): n is string => n !== undefined) ? names : undefined;
  } catch {
    return undefined;
  }
}
