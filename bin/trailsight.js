#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the `prepare` script, or `npm run build`).
// `lint` starts from the CLI's startup snapshot when there is one built for this Node.js and this
// folder (scripts/cli-snapshot.mjs, src/cli/startup-snapshot.ts); TRAILSIGHT_SNAPSHOT=0 turns it off.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const SNAPSHOT_COMMANDS = new Set(['lint']);
const args = process.argv.slice(2);

/** The snapshot's blob, when it exists and was built by this Node.js for this folder. */
function usableSnapshot() {
  if (process.env.TRAILSIGHT_SNAPSHOT === '0' || !SNAPSHOT_COMMANDS.has(args[0])) return undefined;
  try {
    const built = JSON.parse(readFileSync(`${ROOT}/dist/snapshot/cli.json`, 'utf8'));
    const same = built.node === process.version && built.platform === process.platform && built.arch === process.arch && built.root === ROOT;
    const blob = `${ROOT}/dist/snapshot/cli.blob`;
    return same && existsSync(blob) ? blob : undefined;
  } catch {
    return undefined;
  }
}

const snapshot = usableSnapshot();
if (snapshot) {
  const run = spawnSync(process.execPath, ['--snapshot-blob', snapshot, '--', ...args], { stdio: 'inherit' });
  if (run.signal) process.kill(process.pid, run.signal);
  process.exitCode = run.status ?? 1;
} else {
  const cli = new URL('../dist/cli.mjs', import.meta.url);
  if (!existsSync(cli)) {
    process.stderr.write('trailsight: not built yet: run `npm run build` (npm ci builds it)\n');
    process.exit(1);
  }
  const { main } = await import(cli.href);
  process.exitCode = await main(args);
}
