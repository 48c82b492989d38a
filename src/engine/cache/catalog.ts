/**
 * The cache's own bookkeeping, in schema `_trailsight` of the cache database: which files of which
 * root are loaded (keyed by path + size + mtime) or known bad, and which Parquet segment
 * (segments.ts) holds each loaded file's records; and the folders a scan may trust (files/scan.ts).
 */
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { Database } from '../sql/database.ts';
import { quoteString } from '../../sql/text/quote.ts';
import type { ScannedFile } from '../files/scan.ts';

export const CACHE_SCHEMA = '_trailsight';
/** Bump when the records layout changes: older caches are then rebuilt. */
const LAYOUT_VERSION = 7;

/** A file the cache knows. `badReason` set means it was reported bad and holds no records here. */
export interface CachedFile {
  path: string;
  size: number;
  mtimeMs: number;
  records: number;
  badReason: string | null;
  /** The segment holding its records; null for bad files and files without records. */
  segment: string | null;
}

/** A row of the files table, about to be written. */
export type FileRow = Omit<CachedFile, 'path' | 'mtimeMs' | 'size'> & { file: ScannedFile };

export interface Segment {
  name: string;
  records: number;
  /**
   * The CloudTrail columns it holds (Athena's names, sorted, comma-separated), or null for every
   * column: a cold query stores only what it reads (its partitions and `_path` are always there).
   */
  columns: string | null;
}

/** Whether the cache database was written with another layout (it is then started afresh). */
export async function isOtherLayout(db: Database): Promise<boolean> {
  const [meta] = await db.objects<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${CACHE_SCHEMA}' AND table_name = 'meta'`,
  );
  if (Number(meta?.n ?? 0) === 0) return false;
  const [version] = await db.objects<{ value: string }>(`SELECT value FROM ${CACHE_SCHEMA}.meta WHERE key = 'layout'`);
  return version !== undefined && Number(version.value) !== LAYOUT_VERSION;
}

export async function ensureCatalog(db: Database): Promise<void> {
  // One call (a round trip to DuckDB's thread each); each statement still commits on its own.
  const statements = [
    `CREATE SCHEMA IF NOT EXISTS ${CACHE_SCHEMA}`,
    `CREATE TABLE IF NOT EXISTS ${CACHE_SCHEMA}.meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
    // Written once: a statement that changes nothing writes nothing to DuckDB's log (each write costs a sync).
    `INSERT INTO ${CACHE_SCHEMA}.meta SELECT 'layout', '${LAYOUT_VERSION}' WHERE NOT EXISTS (SELECT 1 FROM ${CACHE_SCHEMA}.meta WHERE key = 'layout')`,
    `CREATE TABLE IF NOT EXISTS ${CACHE_SCHEMA}.files (root VARCHAR, path VARCHAR, folder VARCHAR, size BIGINT, mtime DOUBLE, ` +
      `records BIGINT, bad_reason VARCHAR, segment VARCHAR)`,
    // A folder without subfolders as a scan listed it: its time then, and how many of the root's files it held.
    `CREATE TABLE IF NOT EXISTS ${CACHE_SCHEMA}.folders (root VARCHAR, folder VARCHAR, mtime DOUBLE, files BIGINT)`,
    `CREATE TABLE IF NOT EXISTS ${CACHE_SCHEMA}.segments (root VARCHAR, name VARCHAR, records BIGINT, columns VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS ${CACHE_SCHEMA}.views (schema VARCHAR, name VARCHAR, root VARCHAR, PRIMARY KEY (schema, name))`,
  ];
  await db.run(statements.join(';\n'));
}

/**
 * Records that `schema.name` is a view of a root's records. Views are kept in the cache between
 * runs, so every change of a root's segments repoints all of its views, not only this run's.
 */
export async function registerView(db: Database, schema: string, name: string, root: string): Promise<void> {
  // Names are case-insensitive, as DuckDB's (and Athena's) are.
  const [s, n, r] = [schema.toLowerCase(), name.toLowerCase(), root].map(quoteString);
  // Written only when new or of another root (most runs register the views they registered before).
  await db.run(
    `INSERT OR REPLACE INTO ${CACHE_SCHEMA}.views SELECT ${s}, ${n}, ${r} ` +
      `WHERE NOT EXISTS (SELECT 1 FROM ${CACHE_SCHEMA}.views WHERE schema = ${s} AND name = ${n} AND root = ${r})`,
  );
}

export async function viewsOf(db: Database, root: string): Promise<{ schema: string; name: string }[]> {
  return db.objects<{ schema: string; name: string }>(`SELECT schema, name FROM ${CACHE_SCHEMA}.views WHERE root = ${quoteString(root)} ORDER BY schema, name`);
}

/** The folder name of a root's segments: the root (a path, maybe with a filter key) hashed. */
export function rootKey(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 16);
}

/** The keys of every root the catalog knows. */
export async function knownRootKeys(db: Database): Promise<Set<string>> {
  const rows = await db.objects<{ root: string }>(`SELECT root FROM ${CACHE_SCHEMA}.segments UNION SELECT root FROM ${CACHE_SCHEMA}.files`);
  return new Set(rows.map((r) => rootKey(r.root)));
}

/** The files the cache knows of a root (only those in `folders`, when given). */
export async function cachedFiles(db: Database, root: string, folders?: ReadonlySet<string>): Promise<Map<string, CachedFile>> {
  if (folders?.size === 0) return new Map();
  const c = await db.columns(
    `SELECT path, size::DOUBLE AS size, mtime, records::DOUBLE AS records, bad_reason, segment FROM ${CACHE_SCHEMA}.files ` +
      `WHERE root = ${quoteString(root)}${folders === undefined ? '' : ` AND folder IN (SELECT unnest(${stringList(folders)}))`}`,
  );
  const [path, size, mtime, records, bad, segment] = [c.path, c.size, c.mtime, c.records, c.bad_reason, c.segment] as [
    string[],
    number[],
    number[],
    number[],
    (string | null)[],
    (string | null)[],
  ];
  const files = new Map<string, CachedFile>();
  // Columns of one result: each has a value at every row index.
  for (const [i, file] of path.entries()) {
    files.set(file, { path: file, size: size[i]!, mtimeMs: mtime[i]!, records: records[i]!, badReason: bad[i]!, segment: segment[i]! });
  }
  return files;
}

/**
 * A list literal of folders, for `folder [NOT] IN (SELECT unnest(…))`: a subquery, which DuckDB answers
 * with a hash join (`NOT IN ('a', 'b', …)` of hundreds of folders cost 100 k rows ~0.8 s).
 */
function stringList(folders: ReadonlySet<string>): string {
  return `[${[...folders].map(quoteString).join(', ')}]`;
}

/** A folder a scan listed whole, or that holds files the cache knows, as the cache has it. */
export interface KnownFolder {
  folder: string;
  /** Its modification time when listed whole (only folders old enough to trust are recorded); null if it was not. */
  mtimeMs: number | null;
  /** Whether it was listed whole and the cache holds a row for every file of the root found there (none is still pending). */
  complete: boolean;
  /** The cache's rows of its files: how many, their bytes, how many loaded (not bad). */
  files: number;
  bytes: number;
  loaded: number;
}

/** The folders of a root a scan listed whole or whose files the cache holds, with what it holds of them. */
export async function knownFolders(db: Database, root: string): Promise<KnownFolder[]> {
  const r = quoteString(root);
  const c = await db.columns(
    `SELECT coalesce(d.folder, f.folder) AS folder, d.mtime, d.files::DOUBLE AS listed, coalesce(f.files, 0)::DOUBLE AS files, ` +
      `coalesce(f.bytes, 0)::DOUBLE AS bytes, coalesce(f.loaded, 0)::DOUBLE AS loaded ` +
      `FROM (SELECT * FROM ${CACHE_SCHEMA}.folders WHERE root = ${r}) AS d FULL JOIN (SELECT folder, count(*) AS files, sum(size) AS bytes, ` +
      `count(*) FILTER (WHERE bad_reason IS NULL) AS loaded FROM ${CACHE_SCHEMA}.files WHERE root = ${r} GROUP BY folder) AS f ON f.folder = d.folder`,
  );
  const [folder, mtime, listed, files, bytes, loaded] = [c.folder, c.mtime, c.listed, c.files, c.bytes, c.loaded] as [
    string[],
    (number | null)[],
    (number | null)[],
    number[],
    number[],
    number[],
  ];
  return folder.map((name, i) => ({
    folder: name,
    mtimeMs: mtime[i] ?? null,
    complete: listed[i] !== null && listed[i] === files[i],
    files: files[i]!,
    bytes: bytes[i]!,
    loaded: loaded[i]!,
  }));
}

/** The known-bad files of a root in `folders`. */
export async function badFilesIn(db: Database, root: string, folders: ReadonlySet<string>): Promise<CachedFile[]> {
  if (folders.size === 0) return [];
  const rows = await db.objects<{ path: string; folder: string; size: number; mtime: number; records: number; bad_reason: string }>(
    `SELECT path, folder, size::DOUBLE AS size, mtime, records::DOUBLE AS records, bad_reason FROM ${CACHE_SCHEMA}.files ` +
      `WHERE root = ${quoteString(root)} AND bad_reason IS NOT NULL ORDER BY path`,
  );
  return rows
    .filter((r) => folders.has(r.folder))
    .map((r) => ({ path: r.path, size: r.size, mtimeMs: r.mtime, records: r.records, badReason: r.bad_reason, segment: null }));
}

/**
 * Records the folders a scan listed whole, for the next scan to trust (those whose time was old
 * enough), in place of the root's earlier rows but for the `trusted` folders'.
 */
export async function recordFolders(
  db: Database,
  root: string,
  listed: readonly { folder: string; trustableMtimeMs: number | null; files: number }[],
  trusted: ReadonlySet<string>,
): Promise<void> {
  await inTransaction(db, async () => {
    const keep = trusted.size === 0 ? '' : ` AND folder NOT IN (SELECT unnest(${stringList(trusted)}))`;
    await db.run(`DELETE FROM ${CACHE_SCHEMA}.folders WHERE root = ${quoteString(root)}${keep}`);
    const rows = listed.filter((f) => f.trustableMtimeMs !== null).map((f) => [root, f.folder, f.trustableMtimeMs, BigInt(f.files)] as const);
    if (rows.length > 0) await db.append(CACHE_SCHEMA, 'folders', rows);
  });
}

export async function segmentsOf(db: Database, root: string): Promise<Segment[]> {
  return db.objects<{ name: string; records: number; columns: string | null }>(
    `SELECT name, records, columns FROM ${CACHE_SCHEMA}.segments WHERE root = ${quoteString(root)} ORDER BY name`,
  );
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
  // A cold cache: every file is new (and hashing 100 k paths for nothing cost ~0.1 s).
  if (cached.size === 0) return { unchanged: [], pending: [...scanned], stale: [] };
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

/** Adds file rows to the catalog. */
export async function insertFiles(db: Database, root: string, rows: readonly FileRow[]): Promise<void> {
  await db.append(
    CACHE_SCHEMA,
    'files',
    rows.map((r) => [root, r.file.path, dirname(r.file.path), BigInt(r.file.size), r.file.mtimeMs, BigInt(r.records), r.badReason, r.segment]),
  );
}

export function insertSegmentSql(root: string, segment: Segment): string {
  const columns = segment.columns === null ? 'NULL' : quoteString(segment.columns);
  return `INSERT INTO ${CACHE_SCHEMA}.segments VALUES (${quoteString(root)}, ${quoteString(segment.name)}, ${segment.records}, ${columns})`;
}

export function deleteSegmentsSql(root: string, names: readonly string[]): string {
  return `DELETE FROM ${CACHE_SCHEMA}.segments WHERE root = ${quoteString(root)} AND name IN (${names.map(quoteString).join(', ')})`;
}

/** Runs `work` in a transaction: all of it or none. */
export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.run('COMMIT');
    return result;
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
