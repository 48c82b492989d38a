// How the CLI is compiled into dist/ (scripts/build.mjs runs it; test/cli/startup.test.ts checks what
// each command loads): one ES module bundle per command's action, loaded only when that command
// runs, and the sample generator's worker. The dependencies are bundled in (Node's module loader
// costs more resolving and reading a package's hundreds of files than running them: TypeBox alone
// takes 120 ms to load from node_modules, 6 ms bundled), but for those that must stay files at run time.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** DuckDB's native addon, and esbuild (its binary bundles the preview's page script). */
export const FILES_AT_RUN_TIME = ['@duckdb/node-api', 'esbuild'];

/** @type {import('esbuild').BuildOptions} */
export const CLI_BUILD = {
  absWorkingDir: ROOT,
  entryPoints: { cli: 'src/cli/main.ts', 'sample-worker': 'src/engine/sample/worker-entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: FILES_AT_RUN_TIME.flatMap((name) => [name, `${name}/*`]),
  // Bundled CommonJS packages require Node's built-in modules.
  banner: { js: "import { createRequire as __trailsightRequire } from 'node:module'; const require = __trailsightRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
};
