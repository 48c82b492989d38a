import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDigestPath, isLogFileName, partitionOf, type PartitionValues } from './partition.ts';

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
 * Every CloudTrail log file under `root` (or `root` itself when it is a file), sorted by path.
 * Digest files, files that are not JSON, and files `filter` refuses (when `root` is a folder) are
 * left out. Only `stat`s, never opens a file.
 */
export async function scanLogFiles(root: string, filter?: FileFilter): Promise<ScannedFile[]> {
  const absolute = resolve(root);
  const rootStat = await stat(absolute);
  const relative = (path: string) => path.slice(absolute.length + 1).split('\\').join('/');
  const paths = rootStat.isFile()
    ? [absolute]
    : (await readdir(absolute, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && isLogFileName(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
        .filter((path) => !isDigestPath(path.slice(absolute.length)))
        .filter((path) => !filter || filter.accepts(relative(path)));
  const files: ScannedFile[] = [];
  const BATCH = 256;
  for (let i = 0; i < paths.length; i += BATCH) {
    const stats = await Promise.all(paths.slice(i, i + BATCH).map((path) => stat(path)));
    stats.forEach((s, j) => {
      const path = paths[i + j];
      files.push({ path, size: s.size, mtimeMs: s.mtimeMs, ...partitionOf(path) });
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
