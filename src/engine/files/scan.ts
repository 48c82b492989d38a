import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
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
  /**
   * The verdict on every file directly in the folder at `relativeFolder` ('' for the scanned folder
   * itself), when the filter decides by a file's folder alone (a partition projection: partitions
   * are folders). Without it a filtered folder is never trusted (see `scanFolders`).
   */
  acceptsFolder?(relativeFolder: string): boolean;
}

/** A folder without subfolders, as a scan listed it. */
export interface ListedFolder {
  folder: string;
  /** Its modification time, when old enough for a later scan to trust (see `TRUST_AFTER_MS`); null otherwise. */
  trustableMtimeMs: number | null;
  /** How many of the table's files it holds. */
  files: number;
}

export interface FolderScan {
  /** The table's files in the folders listed this time, sorted by path. */
  files: ScannedFile[];
  /** Folders the caller's earlier listing was trusted for (their modification time did not move): not listed. */
  trusted: string[];
  /** The folders without subfolders listed this time, for the caller to trust next time. */
  listed: ListedFolder[];
}

/**
 * A folder's listing is trusted only when its modification time is this much older than the
 * moment it was looked at: file systems stamp times at a coarse granularity (a few ms on Linux, 2 s
 * on FAT), so an entry added just after the listing could leave the time as it was.
 */
export const TRUST_AFTER_MS = 2000;

/**
 * Folders' entries as one scan read them, for the next scan of the same folders (the trail's other
 * table: its events and its Insights events are scanned apart, over the same tree). Only listings a
 * later scan could trust are kept (see `TRUST_AFTER_MS`), and one is used only while the folder's
 * modification time is the one it was read at.
 */
export type FolderListings = Map<string, { mtimeMs: number; entries: Dirent[] }>;

/** Stats between turns of the event loop: a trail is tens of thousands of small files. */
const STATS_PER_TURN = 4096;

/**
 * Every log file of one of a trail's tables under `root` (or `root` itself when it is a file),
 * sorted by path: its events, or its Insights events (`CloudTrail-Insight/`), never both. Digest
 * files, files that are not JSON, and files `filter` refuses (when `root` is a folder) are left out.
 * Only `stat`s, never opens a file.
 */
export async function scanLogFiles(root: string, options: { table?: TrailTableKind; filter?: FileFilter } = {}): Promise<ScannedFile[]> {
  return (await scanFolders(root, options)).files;
}

/**
 * The same files as `scanLogFiles`, folder by folder, except in the folders `trust` vouches for:
 * a folder without subfolders whose modification time is the one `trust` gives was not changed by
 * adding, removing or renaming an entry since it was listed then, so its files are the ones listed
 * then and it is neither listed nor are its files stat'ed again. That is what CloudTrail and
 * `aws s3 sync` do to a folder of logs: CloudTrail never rewrites a delivered file, and sync
 * writes a file under another name and renames it. A file rewritten in place leaves its folder's
 * time alone and goes unseen in a trusted folder: pass no `trust` to stat every file.
 * Symbolic links are never followed below `root`.
 */
export async function scanFolders(
  root: string,
  options: { table?: TrailTableKind; filter?: FileFilter; trust?: ReadonlyMap<string, number>; listings?: FolderListings } = {},
): Promise<FolderScan> {
  const { filter, table = 'logs', trust, listings } = options;
  const absolute = resolve(root);
  const rootStat = await stat(absolute);
  const scan: FolderScan = { files: [], trusted: [], listed: [] };
  if (rootStat.isFile()) {
    if (tableOfPath(absolute) === table) scan.files.push(scannedFile(absolute, rootStat.size, rootStat.mtimeMs));
    return scan;
  }
  let statted = 0;
  const folders = [absolute];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const looked = Date.now();
    // The root was stat'ed above; a subfolder may have been replaced by a link since it was listed.
    const folderStat = folder === absolute ? rootStat : lstatSync(folder, { throwIfNoEntry: false });
    if (folderStat === undefined || !folderStat.isDirectory()) continue;
    if (trust?.get(folder) === folderStat.mtimeMs) {
      scan.trusted.push(folder);
      continue;
    }
    const trustable = folderStat.mtimeMs < looked - TRUST_AFTER_MS;
    let listing = trustable ? listings?.get(folder) : undefined;
    if (listing?.mtimeMs !== folderStat.mtimeMs) {
      try {
        listing = { mtimeMs: folderStat.mtimeMs, entries: readdirSync(folder, { withFileTypes: true }) };
      } catch (error) {
        // Gone between its parent's listing and its own: not part of this scan.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && folder !== absolute) continue;
        throw error;
      }
      if (trustable) listings?.set(folder, listing);
    }
    let subfolders = 0;
    let files = 0;
    for (const entry of listing.entries) {
      const path = `${folder}${sep}${entry.name}`;
      if (entry.isDirectory()) {
        // Digest folders hold no events, nor anything below them.
        if (isDigestPath(path.slice(absolute.length))) continue;
        subfolders += 1;
        folders.push(path);
        continue;
      }
      if (!entry.isFile() || !isLogFileName(entry.name) || isDigestPath(path.slice(absolute.length))) continue;
      if (tableOfPath(path) !== table || (filter && !filter.accepts(pathBelow(absolute, path)))) continue;
      // A synchronous stat costs a few microseconds, a promise's round trip through the thread pool several times that.
      if (++statted % STATS_PER_TURN === 0) await yieldToLoop();
      const s = statSync(path, { throwIfNoEntry: false });
      // Gone between the listing and the stat: not part of this scan.
      if (s === undefined) continue;
      scan.files.push(scannedFile(path, s.size, s.mtimeMs));
      files += 1;
    }
    if (subfolders === 0) {
      scan.listed.push({ folder, trustableMtimeMs: trustable ? folderStat.mtimeMs : null, files });
    }
  }
  scan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return scan;
}

/** A path below `root` as a filter judges it: `/`-separated, '' for `root` itself. */
export function pathBelow(root: string, path: string): string {
  return path === root
    ? ''
    : path
        .slice(root.length + 1)
        .split('\\')
        .join('/');
}

/** A log file with what the cache keys on, its partition values read from its path. */
export function scannedFile(path: string, size: number, mtimeMs: number): ScannedFile {
  return { path, size, mtimeMs, ...partitionOf(path) };
}
