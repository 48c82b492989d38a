// Writes schemas/*.schema.json and the validators compiled from them (src/language/validate/generated/)
// from the spec model (src/language/schema/). Run: npm run schemas
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSchemaFiles } from '../src/language/json-schema.ts';
import { buildSpecValidators } from './spec-validators.ts';

const root = join(import.meta.dirname, '..');
const outputs: [string, Record<string, string>][] = [
  ['schemas', buildSchemaFiles()],
  [join('src', 'language', 'validate', 'generated'), await buildSpecValidators()],
];
for (const [folder, files] of outputs) {
  await mkdir(join(root, folder), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(root, folder, name), text);
    process.stdout.write(`wrote ${join(folder, name)}\n`);
  }
}
