import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A hash of everything in a folder tree as it is on disk: each entry's relative path and kind, each
 * file's bytes, each link's target (links are not followed). Equal hashes: nothing was lost,
 * replaced or added.
 */
export async function treeHash(root: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      const at = rel ? `${rel}/${name}` : name;
      const found = await lstat(path);
      if (found.isSymbolicLink()) hash.update(`link ${at} -> ${await readlink(path)}\n`);
      else if (found.isDirectory()) {
        hash.update(`dir ${at}\n`);
        await walk(path, at);
      } else
        hash.update(
          `file ${at} ${createHash('sha256')
            .update(await readFile(path))
            .digest('hex')}\n`,
        );
    }
  };
  await walk(root, '');
  return hash.digest('hex');
}

/** How many files a tree holds (links not followed), to show a hash compared something. */
export async function fileCount(root: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) if (entry.isFile()) count++;
  return count;
}
