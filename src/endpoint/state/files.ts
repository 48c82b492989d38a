import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';

/**
 * The file operations the state store uses, and nothing else: the store is written against this
 * seam so that a test can make one of them fail the way a full or read-only disk does (ENOSPC,
 * EDQUOT, EROFS, EACCES) without mocking the store's own logic.
 */
export interface StateFileSystem {
  /** Creates the folder and its parents (no error when it exists). */
  mkdir(dir: string): Promise<void>;
  readText(file: string): Promise<string>;
  /** The entries of a folder with whether each is a folder. */
  entries(dir: string): Promise<{ name: string; isDirectory: boolean }[]>;
  writeText(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file (no error when it is missing). */
  remove(file: string): Promise<void>;
}

export const nodeStateFileSystem: StateFileSystem = {
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
  readText: (file) => readFile(file, 'utf8'),
  entries: async (dir) => (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, isDirectory: e.isDirectory() })),
  writeText: (file, text) => writeFile(file, text),
  rename: (from, to) => rename(from, to),
  remove: (file) => rm(file, { force: true }),
};
