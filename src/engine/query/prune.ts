/**
 * Partition pruning for lazily attached tables: which not-yet-read files can a query need?
 *
 * DuckDB parses the query (`json_serialize_sql`). For every place the query reads the table, the
 * WHERE conjuncts that use nothing but partition columns (account, region, timestamp) and
 * constants are kept, and DuckDB itself evaluates them against each pending file's partition
 * values (`json_deserialize_sql`), so `=`, IN, BETWEEN, ranges, LIKE and functions all prune with
 * DuckDB's own semantics. Anything unclear — a statement that is not a SELECT, an outer join, a
 * view over the table, a predicate with a subquery — reads every pending file: pruning may read too
 * much, never too little.
 */
import type { Database } from '../sql/database.ts';
import { quoteString } from '../sql/quote.ts';
import type { ScannedFile } from '../files/scan.ts';
import { PARTITION_COLUMNS } from '../../cloudtrail/index.ts';

export interface PruneTarget {
  schema: string;
  table: string;
  /** Schema unqualified table names resolve in (then `main`). */
  defaultSchema: string;
  /** Names of the views the engine itself made over attached tables (not user views). */
  ownViews: ReadonlySet<string>;
  files: readonly ScannedFile[];
}

type Node = Record<string, unknown> & { type?: string; class?: string };

const PARTITIONS = new Set(PARTITION_COLUMNS.map((c) => c.name));
/** Expression classes a partition predicate may contain: plain, deterministic scalar logic. */
const SAFE_CLASSES = new Set(['CONSTANT', 'COLUMN_REF', 'COMPARISON', 'CONJUNCTION', 'OPERATOR', 'BETWEEN', 'FUNCTION', 'CAST', 'CASE', 'COLLATE']);
const INNER_JOINS = new Set(['INNER', 'CROSS']);
/** SQL value functions DuckDB's parser reports as column references; constant within a query. */
const VALUE_FUNCTIONS = new Set(['current_date', 'current_timestamp', 'current_time', 'localtimestamp', 'localtime']);

/** The pending files the query can need (all of them whenever that cannot be narrowed safely). */
export async function filesNeeded(db: Database, sql: string, target: PruneTarget): Promise<ScannedFile[]> {
  const all = [...target.files];
  const statement = await parse(db, sql);
  if (!statement) return all;
  if (await readsUserView(db, statement, target)) return all;
  const predicates = tablePredicates(statement, target);
  if (predicates === 'all') return all;
  if (predicates.length === 0) return [];
  if (predicates.some((p) => p === null)) return all;
  return (await evaluate(db, predicates as Node[], target.files)) ?? all;
}

async function parse(db: Database, sql: string): Promise<Node | undefined> {
  try {
    const [row] = await db.objects<{ ast: string }>(`SELECT json_serialize_sql(${quoteString(sql)}) AS ast`);
    const parsed = JSON.parse(row.ast) as { error: boolean; statements?: { node: Node }[] };
    if (parsed.error || parsed.statements?.length !== 1) return undefined;
    return parsed.statements[0].node;
  } catch {
    return undefined;
  }
}

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item);
  } else if (value && typeof value === 'object') {
    yield value as Node;
    for (const child of Object.values(value)) yield* walk(child);
  }
}

const lower = (value: unknown) => String(value ?? '').toLowerCase();

function isOurTable(ref: Node, target: PruneTarget): boolean {
  if (lower(ref.table_name) !== target.table.toLowerCase()) return false;
  if (!['', 'awsdatacatalog'].includes(lower(ref.catalog_name))) return false;
  const schema = lower(ref.schema_name);
  if (schema) return schema === target.schema.toLowerCase();
  return [target.defaultSchema.toLowerCase(), 'main'].includes(target.schema.toLowerCase());
}

/** Whether the query names a view that is not the engine's own (it could read the table unseen). */
async function readsUserView(db: Database, statement: Node, target: PruneTarget): Promise<boolean> {
  const views = await db.objects<{ name: string }>(`SELECT lower(view_name) AS name FROM duckdb_views() WHERE NOT internal`);
  const userViews = new Set(views.map((v) => v.name).filter((name) => !target.ownViews.has(name)));
  for (const node of walk(statement)) {
    if (node.type === 'BASE_TABLE' && userViews.has(lower(node.table_name))) return true;
  }
  return false;
}

/** Table references in a FROM tree (through joins, not into subqueries), and whether all joins are inner. */
function fromRefs(from: unknown): { refs: Node[]; innerOnly: boolean } {
  const refs: Node[] = [];
  let innerOnly = true;
  const visit = (node: Node | null | undefined) => {
    if (!node) return;
    if (node.type === 'BASE_TABLE') refs.push(node);
    if (node.type === 'JOIN') {
      if (!INNER_JOINS.has(String(node.join_type)) || node.ref_type !== 'REGULAR') innerOnly = false;
      visit(node.left as Node);
      visit(node.right as Node);
    }
  };
  visit(from as Node);
  return { refs, innerOnly };
}

/**
 * One predicate per place the query reads the table: a partition-only expression, or null when
 * that read cannot be narrowed. 'all' when some reference could not be accounted for.
 */
function tablePredicates(statement: Node, target: PruneTarget): (Node | null)[] | 'all' {
  const predicates: (Node | null)[] = [];
  let handled = 0;
  for (const node of walk(statement)) {
    if (node.type !== 'SELECT_NODE') continue;
    const { refs, innerOnly } = fromRefs(node.from_table);
    for (const ref of refs.filter((r) => isOurTable(r, target))) {
      handled += 1;
      const names = new Set([lower(ref.alias || ref.table_name)]);
      const conjuncts = innerOnly ? splitAnd(node.where_clause as Node | null) : [];
      const usable = conjuncts.filter((c) => isPartitionOnly(c, names, refs.length === 1));
      predicates.push(usable.length === 0 ? null : and(usable.map(unqualify)));
    }
  }
  const total = [...walk(statement)].filter((n) => n.type === 'BASE_TABLE' && isOurTable(n, target)).length;
  return handled === total ? predicates : 'all';
}

function splitAnd(node: Node | null): Node[] {
  if (!node) return [];
  if (node.type === 'CONJUNCTION_AND') return (node.children as Node[]).flatMap(splitAnd);
  return [node];
}

function isPartitionOnly(expression: Node, tableNames: ReadonlySet<string>, onlyTable: boolean): boolean {
  let columns = 0;
  for (const node of walk(expression)) {
    if (!node.class) continue;
    if (!SAFE_CLASSES.has(node.class)) return false;
    if (node.class === 'FUNCTION' && (node.distinct || node.filter || (node.order_bys as { orders?: unknown[] })?.orders?.length)) return false;
    if (node.class !== 'COLUMN_REF') continue;
    const names = (node.column_names as string[]).map(lower);
    const column = names[names.length - 1];
    if (names.length === 1 && VALUE_FUNCTIONS.has(column)) continue;
    if (!PARTITIONS.has(column)) return false;
    if (names.length === 1 && !onlyTable) return false;
    if (names.length === 2 && !tableNames.has(names[0])) return false;
    if (names.length > 2) return false;
    columns += 1;
  }
  return columns > 0;
}

function unqualify(expression: Node): Node {
  const copy = structuredClone(expression);
  for (const node of walk(copy)) {
    if (node.class === 'COLUMN_REF') {
      const names = node.column_names as string[];
      node.column_names = [names[names.length - 1]];
    }
  }
  return copy;
}

function and(children: Node[]): Node {
  return children.length === 1 ? children[0] : { class: 'CONJUNCTION', type: 'CONJUNCTION_AND', alias: '', query_location: 0, children };
}

/** Lets DuckDB evaluate the predicates against the pending files' partition values. */
/** The files whose partition values satisfy the predicates: each distinct partition is tested once. */
async function evaluate(db: Database, predicates: Node[], files: readonly ScannedFile[]): Promise<ScannedFile[] | undefined> {
  const partitions = new Map<string, ScannedFile[]>();
  for (const file of files) {
    const key = JSON.stringify([file.account, file.region, file.timestamp]);
    const same = partitions.get(key);
    if (same) same.push(file);
    else partitions.set(key, [file]);
  }
  const groups = [...partitions.values()];
  const wanted = await evaluatePartitions(db, predicates, groups.map((g) => g[0]!));
  return wanted && wanted.flatMap((i) => groups[i]!);
}

/** Indexes of the partitions (given by one file each) the predicates keep. */
async function evaluatePartitions(db: Database, predicates: Node[], files: readonly ScannedFile[]): Promise<number[] | undefined> {
  const values = files.map((f, i) => `(${i}, ${lit(f.account)}, ${lit(f.region)}, ${lit(f.timestamp)})`).join(', ');
  const source = `(VALUES ${values}) AS pending(idx, account, region, "timestamp")`;
  try {
    const [row] = await db.objects<{ ast: string }>(`SELECT json_serialize_sql(${quoteString(`SELECT idx FROM t WHERE true`)}) AS ast`);
    const template = JSON.parse(row.ast) as { statements: { node: Node }[] };
    const select = template.statements[0].node;
    select.where_clause = predicates.length === 1 ? predicates[0] : { class: 'CONJUNCTION', type: 'CONJUNCTION_OR', alias: '', query_location: 0, children: predicates };
    // "No location" is 2^64-1, which JSON.parse rounds; DuckDB wants the exact uint64 back.
    const json = JSON.stringify(template).replace(/"query_location":\d{17,}(?:\.\d+)?(?:e\+\d+)?/g, '"query_location":18446744073709551615');
    const [where] = await db.objects<{ sql: string }>(`SELECT json_deserialize_sql(${quoteString(json)}) AS sql`);
    const wanted = await db.objects<{ idx: number }>(where.sql.replace(/FROM\s+t\b/, `FROM ${source}`));
    return wanted.map((w) => Number(w.idx));
  } catch {
    return undefined;
  }
}

const lit = (value: string | null) => (value === null ? 'NULL::VARCHAR' : quoteString(value));
