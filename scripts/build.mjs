// Compiles the CLI into dist/ as scripts/cli-build.mjs says (run by `npm ci` as the `prepare`
// script, and by `npm run build`); bin/trailsight.js runs it. Then the startup snapshot `lint` starts
// from (scripts/cli-snapshot.mjs): without it the CLI works the same, only `lint` starts slower.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_BUILD, ROOT } from './cli-build.mjs';
import { buildSnapshot } from './cli-snapshot.mjs';

rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
await build(CLI_BUILD);
const notBuilt = await buildSnapshot();
if (notBuilt) process.stderr.write(`trailsight: no startup snapshot (${notBuilt}); \`lint\` and \`query\` will start slower\n`);
