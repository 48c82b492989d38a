import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecSource } from '../../src/language/index.ts';

export const REPO = join(import.meta.dirname, '..', '..');
/** Fixture files are named relative to the repository root, as `npm run lint` names them. */
export const FIXTURES = 'test/language/fixtures';

/** The spec files of a fixture folder, read as the CLI reads them. */
export function sourcesIn(folder: string): SpecSource[] {
  const dir = join(REPO, FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => source(`${FIXTURES}/${folder}/${name}`));
}

export function source(file: string): SpecSource {
  return { file, bytes: readFileSync(join(REPO, file)) };
}

export function textSource(file: string, text: string): SpecSource {
  return { file, bytes: Buffer.from(text) };
}
