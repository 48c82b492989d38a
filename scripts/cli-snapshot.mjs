// Builds the CLI's V8 startup snapshot (src/cli/startup-snapshot.ts says why) into dist/snapshot/:
// the entry bundled as one CommonJS file (what `node --build-snapshot` takes), the snapshot blob, and
// a manifest of the Node.js and folder it was built for. bin/trailsight.js starts `lint` and `query`
// from the blob only when the manifest matches the running Node.js and the package's folder;
// otherwise, or when this build fails, the CLI starts as usual, only slower. Run by scripts/build.mjs.
// The bundle is whitespace-minified: the blob holds its source, and 38 MB deserialize ~0.05 s slower
// than 21 MB (a stack trace from the snapshot then points into long lines of dist/snapshot/cli.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FILES_AT_RUN_TIME, ROOT } from './cli-build.mjs';

export const SNAPSHOT_DIR = join(ROOT, 'dist', 'snapshot');
export const SNAPSHOT_BLOB = join(SNAPSHOT_DIR, 'cli.blob');
export const SNAPSHOT_MANIFEST = join(SNAPSHOT_DIR, 'cli.json');

/** What the snapshot's parser is run over while it is built: public queries and the shipped specs. */
const WARM_UP = {
  TRAILSIGHT_SNAPSHOT_QUERIES: join(ROOT, 'test', 'sql', 'corpus', 'queries'),
  TRAILSIGHT_SNAPSHOT_SPECS: join(ROOT, 'dashboards'),
};

const DUCKDB = '@duckdb/node-api';
const DUCKDB_ADDON = '@duckdb/node-bindings';

/**
 * DuckDB's addon, which a snapshot cannot hold, is loaded when it is first used. The bundle holds
 * `@duckdb/node-api`'s JavaScript (so `query` finds it loaded and compiled: resolving, reading and
 * running its ~40 files cost every `query` ~0.1 s), but its `require('@duckdb/node-bindings')` gets
 * this stand-in, which loads the addon (resolved from node-api's own folder, as node-api would) on
 * the first read of one of its members. node-api reads two of them as it loads (`ResultType`,
 * `StatementType`, re-exported as enums): while the snapshot is built, a read yields an object that
 * reads the member when it is itself first used. Loading the addon while the snapshot is built
 * fails the build (bin/trailsight.js then runs the CLI without a snapshot) instead of leaving a
 * snapshot that cannot run `query`.
 */
const duckDbAddonAtRunTime = {
  name: 'duckdb-addon-at-run-time',
  setup(build) {
    build.onResolve({ filter: /^@duckdb\/node-bindings$/ }, () => ({ path: DUCKDB_ADDON, namespace: 'duckdb-addon-at-run-time' }));
    build.onLoad({ filter: /.*/, namespace: 'duckdb-addon-at-run-time' }, () => ({
      loader: 'js',
      contents: `
const { startupSnapshot } = require('node:v8');
const { createRequire } = require('node:module');
let addon;
function load() {
  if (addon === undefined) {
    if (startupSnapshot.isBuildingSnapshot()) throw new Error(${JSON.stringify(`${DUCKDB_ADDON} was loaded while the startup snapshot was built: it must load when \`query\` runs`)});
    const api = createRequire(${JSON.stringify(join(ROOT, 'package.json'))}).resolve(${JSON.stringify(`${DUCKDB}/package.json`)});
    addon = createRequire(api)(${JSON.stringify(DUCKDB_ADDON)});
  }
  return addon;
}
const member = (name) => new Proxy({}, {
  get: (_, key) => load()[name][key],
  has: (_, key) => key in load()[name],
  ownKeys: () => Reflect.ownKeys(load()[name]),
  getOwnPropertyDescriptor: (_, key) => {
    const found = Reflect.getOwnPropertyDescriptor(load()[name], key);
    return found && { ...found, configurable: true };
  },
});
module.exports = new Proxy({}, {
  get(_, name) {
    if (name === '__esModule') return undefined;
    return addon === undefined && startupSnapshot.isBuildingSnapshot() ? member(name) : load()[name];
  },
});
`,
    }));
  },
};

/** The manifest bin/trailsight.js compares with the running Node.js before using the blob. */
export function snapshotManifest() {
  return { node: process.version, platform: process.platform, arch: process.arch, root: ROOT };
}

/** Builds the snapshot; returns why it could not be built, or undefined. Never throws. */
export async function buildSnapshot() {
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const entry = join(SNAPSHOT_DIR, 'cli.cjs');
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/cli/startup-snapshot.ts'],
      outfile: entry,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: FILES_AT_RUN_TIME.filter((name) => name !== DUCKDB).flatMap((name) => [name, `${name}/*`]),
      plugins: [duckDbAddonAtRunTime],
      // The bundle's modules find the package's files from their own address, as in dist/*.mjs.
      define: { 'import.meta.url': '__trailsightModuleUrl' },
      banner: { js: "var __trailsightModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
      legalComments: 'linked',
      minifyWhitespace: true,
      logLevel: 'error',
    });
  } catch (error) {
    return giveUp(`bundling its entry failed: ${error.message}`);
  }
  const warmUp = Object.fromEntries(Object.entries(WARM_UP).filter(([, path]) => existsSync(path)));
  const built = spawnSync(process.execPath, ['--snapshot-blob', SNAPSHOT_BLOB, '--build-snapshot', entry], {
    cwd: ROOT,
    env: { ...process.env, ...warmUp, NODE_OPTIONS: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (built.status !== 0 || !existsSync(SNAPSHOT_BLOB)) {
    const lines = `${built.stderr ?? ''}${built.error?.message ?? ''}`.trim().split('\n');
    // The error's own line (`Error: …`) rather than the end of its stack, when there is one.
    const said = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines.slice(-3).join(' / ');
    return giveUp(`node --build-snapshot exited with ${built.status ?? built.signal}: ${said}`);
  }
  writeFileSync(SNAPSHOT_MANIFEST, `${JSON.stringify(snapshotManifest(), null, 2)}\n`);
  return undefined;
}

function giveUp(why) {
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  return why;
}
