import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Where `path` really is, once every symbolic link on it is followed, when that is `root` (its links
 * followed too) or inside it; undefined when a link leads out of `root`. A part of `path` that does
 * not exist yet is judged by its nearest existing folder (what is missing holds no link yet).
 *
 * Logs come from anywhere, and a repository can be a stranger's: a link under a logs folder or
 * under the endpoint's S3 root may point at `~` or `/`. Whoever walks such a tree (the engine's
 * scanner, the endpoint writing a query result) asks this before following or writing.
 */
export async function containedRealPath(root: string, path: string): Promise<string | undefined> {
  const realRoot = await realExisting(resolve(root));
  const real = await realExisting(resolve(path));
  return realRoot !== undefined && real !== undefined && isWithin(realRoot, real) ? real : undefined;
}

/** Whether `path` is `root` or below it, comparing the texts (no file system access). */
export function isWithin(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (!rest.startsWith(`..${sep}`) && rest !== '..' && !rest.startsWith(sep) && !/^[a-zA-Z]:/.test(rest));
}

/**
 * The real path of the nearest existing ancestor of `path`, with the missing rest appended;
 * undefined when a dangling link is on the way (creating through it would create where it points).
 */
async function realExisting(path: string): Promise<string | undefined> {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(await realpath(at), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(at);
      // ENOENT: not there yet; ENOTDIR: a file on the way (the caller's write fails on it, as it should).
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === at) throw error;
      if (code === 'ENOENT' && (await lstat(at).catch(() => undefined))?.isSymbolicLink()) return undefined;
      missing.unshift(basename(at));
      at = parent;
    }
  }
}
