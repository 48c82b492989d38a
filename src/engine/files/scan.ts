import { statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { resolve, sep } from 'node:path';
import type { TrailTableKind } from '../../cloudtrail/index.ts';
import { isDigestPath, isLogFileName, partitionOf, tableOfPath, type PartitionValues } from './partition.ts';

/** A log file found under a root, with what the cache keys on. */
export interface ScannedFile extends PartitionValues {
  /** Absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Which files under a folder belong to a table (e.g. the partitions an Athena table projects).
 * Files it refuses are never listed, so the engine neither reads, counts nor caches them.
 */
export interface FileFilter {
  /** Names what the filter accepts: the engine caches each (folder, key) apart from other views of the folder. */
  key: string;
  /** Whether the file at `relativePath` (below the scanned folder, `/`-separated) belongs. */
  accepts(relativePath: string): boolean;
}

/**
 * Every log file of one of a trail's tables under `root` (or `root` itself when it is a file),
 * sorted by path: its events, or its Insights events (`CloudTrail-Insight/`), never both. Digest
 * files, files that are not JSON, and files `filter` refuses (when `root` is a folder) are left out.
 * Only `stat`s, never opens a file.
 */
export async function scanLogFiles(root: string, options: { table?: TrailTableKind; filter?: FileFilter } = {}): Promise<ScannedFile[]> {
  const { filter, table = 'logs' } = options;
  const absolute = resolve(root);
  const rootStat = await stat(absolute);
  const relative = (path: string) =>
    path
      .slice(absolute.length + 1)
      .split('\\')
      .join('/');
  const paths = rootStat.isFile()
    ? [absolute]
    : (await readdir(absolute, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && isLogFileName(entry.name))
        // The listing's folders are already normal absolute paths: no join (normalising 100 k paths costs ~0.1 s).
        .map((entry) => `${entry.parentPath}${sep}${entry.name}`)
        .filter((path) => !isDigestPath(path.slice(absolute.length)))
        .filter((path) => !filter || filter.accepts(relative(path)));
  const ofTable = paths.filter((path) => tableOfPath(path) === table);
  // A trail is tens of thousands of small files: a synchronous stat costs a few microseconds, a
  // promise's round trip through the thread pool several times that (100 k files: ~1 s of CPU
  // against ~3 s). The event loop gets a turn between batches.
  const files: ScannedFile[] = [];
  const BATCH = 4096;
  for (let i = 0; i < ofTable.length; i += BATCH) {
    if (i > 0) await yieldToLoop();
    for (const path of ofTable.slice(i, i + BATCH)) {
      const s = statSync(path, { throwIfNoEntry: false });
      // Gone between the listing and the stat: not part of this scan.
      if (s === undefined) continue;
      files.push({ path, size: s.size, mtimeMs: s.mtimeMs, ...partitionOf(path) });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
