/**
 * Partition pruning for lazily attached tables: which files can a query need? The SQL layer gives,
 * for each place the query reads the table, its conditions on partition columns alone (or none);
 * DuckDB evaluates them against each distinct partition (account, region, day) of the files, so
 * `=`, IN, ranges, LIKE and functions prune with the same semantics the query runs with.
 */
import { Database } from '../sql/database.ts';
import { partitionFilters, quoteString, type CatalogTable, type DuckDbQuery } from '../../sql/index.ts';
import type { PartitionValues } from '../files/partition.ts';
import type { ScannedFile } from '../files/scan.ts';

const ALIAS = 'p';

/** The table's partition columns, as its projection (and the files' layout) gives them. */
export const PARTITION_NAMES: ReadonlySet<string> = new Set(['account', 'region', 'timestamp']);

/** The files the query can need (all of them whenever that cannot be narrowed safely). */
export async function filesNeeded(
  db: Database,
  compiled: DuckDbQuery,
  table: CatalogTable,
  files: readonly ScannedFile[],
  partitions: ReadonlySet<string>,
): Promise<ScannedFile[]> {
  const filters = partitionFilters(compiled.query, compiled.analysis, table, partitions, ALIAS);
  if (filters.length === 0) return [];
  if (filters.some((f) => f === null)) return [...files];
  return (await evaluate(db, filters as string[], files)) ?? [...files];
}

/** The files whose partition values satisfy any of the predicates: each distinct partition is tested once. */
async function evaluate(db: Database, predicates: readonly string[], files: readonly ScannedFile[]): Promise<ScannedFile[] | undefined> {
  const partitions = new Map<string, ScannedFile[]>();
  for (const file of files) {
    const key = JSON.stringify([file.account, file.region, file.timestamp]);
    const same = partitions.get(key);
    if (same) same.push(file);
    else partitions.set(key, [file]);
  }
  const groups = [...partitions.values()];
  if (groups.length === 0) return [];
  const lit = (value: string | null) => (value === null ? 'NULL::VARCHAR' : quoteString(value));
  const values = groups.map((g, i) => `(${i}, ${lit(g[0]!.account)}, ${lit(g[0]!.region)}, ${lit(g[0]!.timestamp)})`).join(', ');
  const where = predicates.map((p) => `(${p})`).join(' OR ');
  try {
    const wanted = await db.objects<{ idx: number }>(`SELECT idx FROM (VALUES ${values}) AS "${ALIAS}"(idx, account, region, "timestamp") WHERE ${where}`);
    return wanted.flatMap((w) => groups[Number(w.idx)]!);
  } catch {
    // A predicate DuckDB cannot evaluate on partition values alone (it fails on some value): read everything.
    return undefined;
  }
}

/**
 * Which of `candidates` (an account's, a Region's, a day's files each) the query's partition predicates
 * select in each of `tables`, decided as the engine prunes its own files: for Athena's scan of logs
 * that are not on this machine (Athena enumerates the same candidates from each table's partition
 * projection). One list per table, in order; empty for a table the query does not read.
 */
export async function partitionsNeeded<P extends PartitionValues>(
  compiled: DuckDbQuery,
  tables: readonly CatalogTable[],
  candidates: readonly P[],
): Promise<P[][]> {
  const db = await Database.open();
  try {
    const asFiles = candidates.map((candidate, index) => ({ ...candidate, path: String(index), size: 0, mtimeMs: 0 }));
    const needed: P[][] = [];
    for (const table of tables) {
      const files = await filesNeeded(db, compiled, table, asFiles, PARTITION_NAMES);
      needed.push(files.map((file) => candidates[Number(file.path)]!));
    }
    return needed;
  } finally {
    db.close();
  }
}
