/**
 * The cache's own bookkeeping, in schema `_trailsight` of the cache database: which files of which
 * root are loaded (keyed by path + size + mtime) or known bad, and the records table of each root.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../sql/database.ts';
import { quoteString } from '../sql/quote.ts';
import type { ScannedFile } from '../files/scan.ts';
import { recordsTableColumns } from '../ingest/read-sql.ts';

export const CACHE_SCHEMA = '_trailsight';
/** Bump when the records table layout changes: older caches are then rebuilt. */
const LAYOUT_VERSION = 4;

/** A file the cache knows. `badReason` set means it was reported bad and holds no records here. */
export interface CachedFile {
  path: string;
  size: number;
  mtimeMs: number;
  records: number;
  badReason: string | null;
}

export async function ensureCatalog(db: Database): Promise<void> {
  await db.run(`CREATE SCHEMA IF NOT EXISTS ${CACHE_SCHEMA}`);
  await db.run(`CREATE TABLE IF NOT EXISTS ${CACHE_SCHEMA}.meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
  const [version] = await db.objects<{ value: string }>(`SELECT value FROM ${CACHE_SCHEMA}.meta WHERE key = 'layout'`);
  if (version && Number(version.value) !== LAYOUT_VERSION) {
    await db.run(`DROP SCHEMA ${CACHE_SCHEMA} CASCADE`);
    await ensureCatalog(db);
    return;
  }
  await db.run(`INSERT OR REPLACE INTO ${CACHE_SCHEMA}.meta VALUES ('layout', '${LAYOUT_VERSION}')`);
  await db.run(
    `CREATE TABLE IF NOT EXISTS ${CACHE_SCHEMA}.files (root VARCHAR, path VARCHAR, size BIGINT, mtime DOUBLE, ` +
      `records BIGINT, bad_reason VARCHAR)`,
  );
}

/** The records table that holds the events of one root. */
export function recordsTableName(root: string): string {
  return `${CACHE_SCHEMA}.records_${createHash('sha256').update(root).digest('hex').slice(0, 16)}`;
}

export async function ensureRecordsTable(db: Database, table: string): Promise<void> {
  await db.run(`CREATE TABLE IF NOT EXISTS ${table} (${recordsTableColumns()})`);
}

export async function cachedFiles(db: Database, root: string): Promise<Map<string, CachedFile>> {
  const rows = await db.objects<{ path: string; size: number; mtime: number; records: number; bad_reason: string | null }>(
    `SELECT path, size, mtime, records, bad_reason FROM ${CACHE_SCHEMA}.files WHERE root = ${quoteString(root)}`,
  );
  return new Map(rows.map((r) => [r.path, { path: r.path, size: r.size, mtimeMs: r.mtime, records: r.records, badReason: r.bad_reason }]));
}

/** How the files on disk compare with what the cache holds. */
export interface CacheDiff {
  unchanged: CachedFile[];
  /** New or changed files, still to be read. */
  pending: ScannedFile[];
  /** Cached files that changed or disappeared: their records must go. */
  stale: CachedFile[];
}

export function diffWithCache(scanned: readonly ScannedFile[], cached: ReadonlyMap<string, CachedFile>): CacheDiff {
  const diff: CacheDiff = { unchanged: [], pending: [], stale: [] };
  const seen = new Set<string>();
  for (const file of scanned) {
    seen.add(file.path);
    const known = cached.get(file.path);
    if (known && known.size === file.size && known.mtimeMs === file.mtimeMs) {
      diff.unchanged.push(known);
      continue;
    }
    if (known) diff.stale.push(known);
    diff.pending.push(file);
  }
  for (const known of cached.values()) if (!seen.has(known.path)) diff.stale.push(known);
  return diff;
}

/** Removes stale files and their records. */
export async function forgetFiles(db: Database, root: string, recordsTable: string, files: readonly CachedFile[]): Promise<void> {
  if (files.length === 0) return;
  const paths = files.map((f) => quoteString(f.path)).join(', ');
  await db.run('BEGIN TRANSACTION');
  try {
    await db.run(`DELETE FROM ${recordsTable} WHERE _path IN (${paths})`);
    await db.run(`DELETE FROM ${CACHE_SCHEMA}.files WHERE root = ${quoteString(root)} AND path IN (${paths})`);
    await db.run('COMMIT');
  } catch (error) {
    await db.run('ROLLBACK');
    throw error;
  }
}
