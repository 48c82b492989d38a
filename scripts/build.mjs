// Compiles the CLI into dist/ (run by `npm ci` as the `prepare` script, and by `npm run build`):
// one ES module bundle per command, loaded only when that command runs, and the sample generator's
// worker. Dependencies stay in node_modules, but for dt-sql-parser's Trino grammar, whose ES modules
// Node cannot load as published (they import without file extensions), which is bundled in.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUNDLED = new Set(['dt-sql-parser']);
const external = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', 'sample-worker': 'src/engine/sample/worker-entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
