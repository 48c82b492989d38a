// Writes schemas/*.schema.json from the spec model (src/language/schema/). Run: npm run schemas
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSchemaFiles } from '../src/language/json-schema.ts';

const folder = join(import.meta.dirname, '..', 'schemas');
await mkdir(folder, { recursive: true });
for (const [name, text] of Object.entries(buildSchemaFiles())) {
  await writeFile(join(folder, name), text);
  process.stdout.write(`wrote schemas/${name}\n`);
}
