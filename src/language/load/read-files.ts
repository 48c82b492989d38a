import { open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_SPEC_BYTES, type SpecSource } from './source.ts';

const SPEC_FILE = /\.ya?ml$/i;

/** A path given to lint or publish that does not exist: a usage error, not a finding. */
export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`no such file or folder: ${path}`);
    this.name = 'MissingPathError';
  }
}

/**
 * Reads spec files: each path is a file, or a folder searched recursively for *.yaml / *.yml.
 * Reads at most the size limit of each file (the parser refuses larger ones by their size).
 */
export async function readSpecSources(paths: readonly string[]): Promise<SpecSource[]> {
  const files = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new MissingPathError(path);
    if (info.isDirectory()) for (const file of await specFilesUnder(path)) files.add(file);
    else files.add(path);
  }
  return Promise.all([...files].sort().map(readCapped));
}

async function specFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && SPEC_FILE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (file) =>
        !relative(folder, file)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    );
}

async function readCapped(file: string): Promise<SpecSource> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(Math.min(size, MAX_SPEC_BYTES + 1));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return { file, bytes: bytes.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}
