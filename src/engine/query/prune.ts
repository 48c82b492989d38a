/**
 * Partition pruning for lazily attached tables: which files can a query need? The SQL layer gives,
 * for each place the query reads the table, its conditions on partition columns alone (or none);
 * DuckDB evaluates them against each distinct partition (account, region, day) of the files, so
 * `=`, IN, ranges, LIKE and functions prune with the same semantics the query runs with.
 */
import { Database } from '../sql/database.ts';
import { partitionFilters, quoteString, type CatalogTable, type DuckDbQuery } from '../../sql/index.ts';
import { groupByPartition, type PartitionValues } from '../files/partition.ts';

const ALIAS = 'p';

/** The table's partition columns, as its projection (and the files' layout) gives them. */
export const PARTITION_NAMES: ReadonlySet<string> = new Set(['account', 'region', 'timestamp']);

/**
 * Whether the query reads the table at all, and the partitions it can need (all of them whenever
 * that cannot be narrowed safely): those whose values satisfy the conditions of any place it reads
 * the table; none when it does not read it.
 */
export async function partitionsSelected<P extends PartitionValues>(
  db: Database,
  compiled: DuckDbQuery,
  table: CatalogTable,
  partitions: readonly P[],
): Promise<{ reads: boolean; selected: P[] }> {
  const filters = partitionFilters(compiled.query, compiled.analysis, table, PARTITION_NAMES, ALIAS);
  if (filters.length === 0) return { reads: false, selected: [] };
  if (filters.some((f) => f === null)) return { reads: true, selected: [...partitions] };
  return { reads: true, selected: (await evaluate(db, filters as string[], partitions)) ?? [...partitions] };
}

/** The partitions whose values satisfy any of the predicates: each distinct value is tested once. */
async function evaluate<P extends PartitionValues>(db: Database, predicates: readonly string[], partitions: readonly P[]): Promise<P[] | undefined> {
  const distinct = groupByPartition(partitions);
  if (distinct.length === 0) return [];
  const lit = (value: string | null) => (value === null ? 'NULL::VARCHAR' : quoteString(value));
  const values = distinct.map((g, i) => `(${i}, ${lit(g[0]!.account)}, ${lit(g[0]!.region)}, ${lit(g[0]!.timestamp)})`).join(', ');
  const where = predicates.map((p) => `(${p})`).join(' OR ');
  try {
    const wanted = await db.objects<{ idx: number }>(`SELECT idx FROM (VALUES ${values}) AS "${ALIAS}"(idx, account, region, "timestamp") WHERE ${where}`);
    return wanted.flatMap((w) => distinct[Number(w.idx)]!);
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
    const needed: P[][] = [];
    for (const table of tables) needed.push((await partitionsSelected(db, compiled, table, candidates)).selected);
    return needed;
  } finally {
    db.close();
  }
}
