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
 * Every CloudTrail log file under `root` (or `root` itself when it is a file), sorted by path.
 * Digest files and files that are not JSON are left out. Only `stat`s, never opens a file.
 */
export async function scanLogFiles(root: string): Promise<ScannedFile[]> {
  const absolute = resolve(root);
  const rootStat = await stat(absolute);
  const paths = rootStat.isFile()
    ? [absolute]
    : (await readdir(absolute, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && isLogFileName(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
        .filter((path) => !isDigestPath(path.slice(absolute.length)));
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
