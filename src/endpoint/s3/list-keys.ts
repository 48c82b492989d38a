import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** One object as ListObjectsV2 tells of it. */
export interface ListedKey {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

/** A folder serving the keys that start with `keyPrefix` (`''`, or ending with `/`). */
export interface KeySource {
  readonly keyPrefix: string;
  readonly dir: string;
  /** Key prefixes another source serves (a mount over part of a bucket): not listed from this folder. */
  readonly shadowed?: readonly string[];
}

/**
 * The first `limit` keys after `startAfter` that start with `prefix`, in S3's order (UTF-8 byte
 * order: a folder's entries are visited as `name/` for folders and `name` for files, so a walk in
 * that order is already sorted). Links are never followed, so nothing outside the folder is listed;
 * folders that cannot hold a wanted key, or that another source shadows, are not opened.
 */
export async function listKeys(source: KeySource, prefix: string, startAfter: string, limit: number): Promise<ListedKey[]> {
  const found: ListedKey[] = [];
  // The folder itself must be one (a bucket folder replaced by a link lists nothing).
  if (!(await lstat(source.dir).catch(() => undefined))?.isDirectory()) return found;
  const shadowed = (key: string) => source.shadowed?.some((p) => key.startsWith(p)) ?? false;
  const visit = async (dir: string, keyOfDir: string): Promise<void> => {
    if (!couldHold(keyOfDir, prefix, startAfter) || shadowed(keyOfDir)) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // a folder that went away, or was never one: no keys
    }
    const children = entries
      .filter((e) => e.isDirectory() || e.isFile())
      .map((e) => ({ name: e.name, key: `${keyOfDir}${e.name}${e.isDirectory() ? '/' : ''}`, folder: e.isDirectory() }))
      .sort((a, b) => compareKeys(a.key, b.key));
    for (const child of children) {
      if (found.length >= limit) return;
      if (child.folder) {
        await visit(join(dir, child.name), child.key);
      } else if (child.key.startsWith(prefix) && compareKeys(child.key, startAfter) > 0 && !shadowed(child.key)) {
        const stats = await lstat(join(dir, child.name)).catch(() => undefined);
        if (stats?.isFile()) found.push({ key: child.key, size: stats.size, lastModified: stats.mtime });
      }
    }
  };
  await visit(source.dir, source.keyPrefix);
  return found;
}

/** Whether keys starting with `keyOfDir` can start with `prefix` and come after `startAfter`. */
function couldHold(keyOfDir: string, prefix: string, startAfter: string): boolean {
  const matches = keyOfDir.startsWith(prefix) || prefix.startsWith(keyOfDir);
  const late = startAfter.startsWith(keyOfDir) || compareKeys(keyOfDir, startAfter) > 0;
  return matches && late;
}

/** S3 orders keys by their UTF-8 bytes. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
