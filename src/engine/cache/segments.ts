/**
 * Where a root's records live: Parquet segment files under `<cacheDir>/segments/<root key>/`,
 * written by DuckDB (`COPY … TO … (FORMAT parquet)`), one per ingest batch, never modified.
 * Writing Parquet costs a cold ingest about a fifth less than appending to a DuckDB table (no
 * per-segment compression trials, string statistics or second pass over the strings), and a
 * segment that is replaced (its files changed) or merged is written anew under a new name.
 *
 * A segment is written as `<name>.partial` and renamed once complete; the catalog (catalog.ts)
 * lists the segments that hold records. Anything else in the folder (a write or a rewrite cut
 * short) is removed the next time the root is attached.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../sql/database.ts';
import { quoteString } from '../../sql/text/quote.ts';

/** Parquet as DuckDB writes it fastest: dictionary-encoded where that pays, no page compression. */
const PARQUET_OPTIONS = 'FORMAT parquet, COMPRESSION uncompressed';
/** The names this store gives: only these are ever deleted, whatever else shares the folder. */
const ROOT_FOLDER_NAME = /^[0-9a-f]{16}$/;
const SEGMENT_NAME = /^[0-9a-z]+-[0-9a-f]{12}\.parquet(\.partial)?$/;

export class SegmentStore {
  constructor(readonly folder: string) {}

  /** The folder of one root's segments. */
  rootFolder(rootKey: string): string {
    return join(this.folder, rootKey);
  }

  /** The path of a segment of a root. */
  path(rootKey: string, name: string): string {
    return join(this.rootFolder(rootKey), name);
  }

  /** A fresh segment name: time-ordered, unique. */
  static newName(): string {
    return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}.parquet`;
  }

  /**
   * Writes the rows of `select` as a new segment of the root and returns its name; the file
   * appears under its name only once complete. Rows of one segment may come in any order.
   */
  async write(db: Database, rootKey: string, select: string): Promise<string> {
    const name = SegmentStore.newName();
    const final = this.path(rootKey, name);
    const partial = `${final}.partial`;
    await mkdir(this.rootFolder(rootKey), { recursive: true });
    try {
      // Rows of a segment may come in any order (the configuration is locked: say it per statement).
      await db.run(`COPY (${select}) TO ${quoteString(partial)} (${PARQUET_OPTIONS}, PRESERVE_ORDER false)`);
      // On disk before the catalog (whose commit DuckDB syncs) can list it.
      await fsync(partial);
      await rename(partial, final);
      // The rename itself: not every platform can open a folder to sync it.
      await fsync(this.rootFolder(rootKey)).catch(() => undefined);
    } catch (error) {
      await rm(partial, { force: true });
      const message = (error as Error).message;
      // Not a log file's fault (full disk, no permission): must not be mistaken for a bad file.
      if (message.includes(partial) || (error as NodeJS.ErrnoException).syscall) {
        throw new Error(`cannot write the cache file ${partial}: ${message.split('\n')[0]}`, { cause: error });
      }
      throw error;
    }
    return name;
  }

  /** `read_parquet` over some segments of a root (at least one); by column name when they may hold different columns. */
  source(rootKey: string, names: readonly string[], byName = false): string {
    return `read_parquet([${names.map((n) => quoteString(this.path(rootKey, n))).join(', ')}]${byName ? ', union_by_name = true' : ''})`;
  }

  async remove(rootKey: string, names: readonly string[]): Promise<void> {
    await Promise.all(names.map((n) => rm(this.path(rootKey, n), { force: true })));
  }

  /**
   * Removes segments the catalog no longer lists, once it has switched to their replacement: a
   * failure here (a file still open elsewhere) leaves a stray file the next `sweep` takes.
   */
  async removeReplaced(rootKey: string, names: readonly string[]): Promise<void> {
    await this.remove(rootKey, names).catch(() => undefined);
  }

  /**
   * Puts a root's folder in step with the segments the catalog lists: removes every segment file
   * that is not listed (left by a run cut short), and returns the listed ones that are not there.
   */
  async sweep(rootKey: string, listed: readonly string[]): Promise<string[]> {
    const entries = (await readdir(this.rootFolder(rootKey)).catch(() => [] as string[])).filter((name) => SEGMENT_NAME.test(name));
    const keep = new Set(listed);
    await this.remove(
      rootKey,
      entries.filter((name) => !keep.has(name)),
    );
    const present = new Set(entries);
    return listed.filter((name) => !present.has(name));
  }

  /** Removes the segment folders of roots the catalog no longer knows (e.g. after a layout change). */
  async removeRootsExcept(keep: ReadonlySet<string>): Promise<void> {
    const entries = await readdir(this.folder).catch(() => [] as string[]);
    const unknown = entries.filter((key) => ROOT_FOLDER_NAME.test(key) && !keep.has(key));
    for (const key of unknown) {
      await this.sweep(key, []);
      // Only if nothing but our segments was in it.
      await rmdir(this.rootFolder(key)).catch(() => undefined);
    }
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
