// Compiles the CLI into dist/ as scripts/cli-build.mjs says (run by `npm ci` as the `prepare`
// script, and by `npm run build`); bin/trailsight.js runs it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_BUILD, ROOT } from './cli-build.mjs';

rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
await build(CLI_BUILD);
