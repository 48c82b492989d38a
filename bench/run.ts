/**
 * `npm run bench [-- NAME…]`: runs every `bench/*.bench.ts` (or those whose file name contains a
 * NAME), one after another. A bench file does its work when imported and prints its own figures.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no bench/*.bench.ts file matches ${filters.join(', ')}\n`);
  process.exitCode = 1;
}
for (const name of files) {
  process.stdout.write(`\n=== ${name}\n`);
  const started = Date.now();
  await import(pathToFileURL(join(here, name)).href);
  process.stdout.write(`=== ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
