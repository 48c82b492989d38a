// `tsc -p tsconfig.core.json`, holding to its stricter options (noUncheckedIndexedAccess) the files
// that config includes, and only those. TypeScript checks every file a program reaches, so a
// folder held to them also reports the files it imports that are not held yet (the endpoint imports
// the engine): those are counted in one line, not failed. Any error in an included file, or one
// TypeScript gives for no file (a bad option, a missing type library), fails. Run by `npm run
// typecheck` and `npm test`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = 'tsconfig.core.json';
const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

function tsc(...args) {
  const run = spawnSync(process.execPath, [TSC, '-p', CONFIG, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return run;
}

/** The files the config includes, as TypeScript resolves its `include`. */
const held = new Set(JSON.parse(tsc('--showConfig').stdout).files.map((file) => resolve(ROOT, file)));

/** `tsc --pretty false` prints each diagnostic as a `file(line,col): error TS…` line (or `error TS…` for none) and indented continuations. */
function diagnostics(output) {
  const found = [];
  for (const line of output.split('\n')) {
    const at = /^(.+?)\(\d+,\d+\): error TS\d+/.exec(line);
    if (at) found.push({ file: resolve(ROOT, at[1]), text: [line] });
    else if (/^error TS\d+/.test(line)) found.push({ file: undefined, text: [line] });
    else if (line.trim() !== '' && found.length > 0) found.at(-1).text.push(line);
  }
  return found;
}

const run = tsc('--pretty', 'false');
const found = diagnostics(run.stdout);
const failing = found.filter((d) => d.file === undefined || held.has(d.file));
const outside = found.filter((d) => d.file !== undefined && !held.has(d.file));

if (outside.length > 0) {
  const byFolder = new Map();
  for (const { file } of outside) {
    const folder = relative(ROOT, file).split('/').slice(0, 2).join('/');
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
  }
  const folders = [...byFolder].map(([folder, count]) => `${folder}: ${count}`).join(', ');
  console.error(`${CONFIG}: ${outside.length} errors in files it reaches but does not include (${folders}), not held yet.`);
}
for (const d of failing) console.log(d.text.join('\n'));
if (failing.length > 0 || (run.status !== 0 && found.length === 0)) {
  if (found.length === 0) process.stdout.write(run.stdout + run.stderr);
  process.exit(1);
}
