import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants, copyFile, lstat, mkdir, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isWithin } from './contained-path.ts';
import { UnsafePathError } from './unsafe-path-error.ts';

const LINK = 'is a symbolic link, and trailsight never writes through or deletes links in its own folders (one may come with a repository): remove it';

/**
 * A folder trailsight owns — `.trailsight/`, the site `preview` writes, the requests `compile`
 * writes — and the paths in it that trailsight creates, replaces and deletes. A repository may be
 * a stranger's and commit `.trailsight/sample-logs -> ~`; so every part of a path, from the owned
 * folder down, is checked with `lstat` before anything is created, replaced or deleted there, and
 * a link (or a file where a folder should be) is refused with an error naming it. Inside a folder
 * being deleted nothing is followed: a recursive `rm` unlinks the links it meets.
 */
export class OwnedFolder {
  private constructor(readonly root: string) {}

  /** The folder at `root`, created when missing; refused when it is a link or not a folder. */
  static async open(root: string): Promise<OwnedFolder> {
    const absolute = resolve(root);
    if ((await lstatOrMissing(absolute))?.isSymbolicLink()) throw new UnsafePathError(absolute, LINK);
    // Missing: made. A file there: mkdir's own EEXIST, which says so.
    await mkdir(absolute, { recursive: true });
    return new OwnedFolder(absolute);
  }

  /** The absolute path of `relative`, once every part of it that exists was found to be no link. */
  async path(relative: string): Promise<string> {
    const parts = this.parts(relative);
    let at = this.root;
    for (const [i, part] of parts.entries()) {
      at = join(at, part);
      const found = await lstatOrMissing(at);
      if (!found) break; // nothing below a missing part exists either
      if (found.isSymbolicLink()) throw new UnsafePathError(at, LINK);
      if (i < parts.length - 1 && !found.isDirectory()) throw new UnsafePathError(at, 'is not a folder');
    }
    return join(this.root, ...parts);
  }

  /** Creates the folder `relative` and its missing parents, one at a time, refusing links. */
  async mkdir(relative: string): Promise<string> {
    let at = this.root;
    for (const part of this.parts(relative)) {
      at = join(at, part);
      const found = await lstatOrMissing(at);
      if (found?.isSymbolicLink()) throw new UnsafePathError(at, LINK);
      // Missing: made here. A file there: mkdir's own EEXIST says so.
      if (!found?.isDirectory()) await mkdir(at);
    }
    return at;
  }

  /** Deletes `relative` and all it holds (nothing when missing). */
  async remove(relative: string): Promise<void> {
    await rm(await this.path(relative), { recursive: true, force: true });
  }

  /** Writes a file as a new file beside it renamed over it: a link put there is never written through. */
  async writeFile(relative: string, data: string | Uint8Array): Promise<string> {
    return this.replace(relative, (temporary) => writeFile(temporary, data, { flag: 'wx' }));
  }

  /** Copies `from` (anywhere) to `relative`, as `writeFile` writes. */
  async copyFile(from: string, relative: string): Promise<string> {
    return this.replace(relative, (temporary) => copyFile(from, temporary, constants.COPYFILE_EXCL));
  }

  /**
   * Refuses when a link is in `relative` (the whole folder by default) or anywhere below it: for
   * trees that other code (the endpoint's state store, the engine's cache) writes and deletes in.
   */
  async assertNoLinks(relative = '', options: { recursive?: boolean } = {}): Promise<void> {
    const top = await this.path(relative);
    if (!(await lstatOrMissing(top))?.isDirectory()) return;
    for (const entry of await readdir(top, { withFileTypes: true, recursive: options.recursive ?? true })) {
      if (entry.isSymbolicLink()) throw new UnsafePathError(join(entry.parentPath, entry.name), LINK);
    }
  }

  /** Removes `relative` when it is a link whose folders are real (the link only, never what it points to); whether it did. */
  async removeLink(relative: string): Promise<boolean> {
    const path = resolve(this.root, relative);
    try {
      await this.path(this.relative(dirname(path)));
    } catch {
      return false; // a link higher up: not ours to tidy
    }
    if (!(await lstatOrMissing(path))?.isSymbolicLink()) return false;
    await unlink(path);
    return true;
  }

  /** `relative` split into its parts; refused when it climbs out of the folder. */
  private parts(relative: string): string[] {
    const path = resolve(this.root, relative);
    if (!isWithin(this.root, path)) throw new UnsafePathError(path, `is outside ${this.root}, the folder trailsight writes in`);
    return path === this.root ? [] : this.relative(path).split(sep);
  }

  /** A path inside the folder, relative to it. */
  private relative(path: string): string {
    return path === this.root ? '' : path.slice(this.root.length + 1);
  }

  private async replace(relative: string, write: (temporary: string) => Promise<void>): Promise<string> {
    const path = await this.path(relative);
    await this.mkdir(this.relative(dirname(path)));
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await write(temporary);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return path;
  }
}

async function lstatOrMissing(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
