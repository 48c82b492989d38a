/**
 * The local engine against its floor: 1 M generated events (BENCH_EVENTS to change), measured in
 * the same run — `gzip -dc` over the files (the decompression floor), `zcat | jq` doing the same
 * group-by (when jq is installed), a cold ingest + group-by into an empty cache, and a warm rerun.
 * Targets (issue 4): cold ≤ 2× gzip, ≥ 5× faster than jq, warm < 1 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailEngine, generateSample } from '../src/engine/index.ts';
import { scanLogFiles } from '../src/engine/files/scan.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const GROUP_BY = 'SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname ORDER BY n DESC, eventname';

async function sampleSet(): Promise<string> {
  const dir = join(tmpdir(), 'trailsight-bench', `sample-${EVENTS}-seed1-2024-11-20`);
  const marker = join(dir, '.complete');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    const started = Date.now();
    const { files, events } = await generateSample({ out: dir, events: EVENTS, seed: 1, endDay: '2024-11-20', days: 7 });
    writeFileSync(marker, `${files} ${events}\n`);
    console.log(`generated ${events} events in ${files} files in ${seconds(Date.now() - started)} (cached in ${dir})`);
  } else {
    console.log(`using the generated set cached in ${dir}`);
  }
  return dir;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Wall time of a shell pipeline over the files (paths passed as "$@"). */
function timeShell(script: string, files: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('sh', ['-c', script, 'sh', ...files], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function engineRun(cacheDir: string, root: string): Promise<{ ms: number; rows: number }> {
  const started = Date.now();
  const engine = await CloudTrailEngine.open({ cacheDir });
  await engine.attach({ root });
  const result = await engine.query(GROUP_BY);
  await engine.close();
  return { ms: Date.now() - started, rows: result.rows.length };
}

const root = await sampleSet();
const files = (await scanLogFiles(root)).map((f) => f.path);
const gzip1 = await timeShell('gzip -dc -- "$@" > /dev/null', files);
const cacheDir = mkdtempSync(join(tmpdir(), 'trailsight-bench-cache-'));
const cold = await engineRun(cacheDir, root);
const warm = await engineRun(cacheDir, root);
const gzip2 = await timeShell('gzip -dc -- "$@" > /dev/null', files);
rmSync(cacheDir, { recursive: true, force: true });
const gzip = (gzip1 + gzip2) / 2;
const hasJq = !process.env.BENCH_SKIP_JQ && spawnSync('jq', ['--version']).status === 0;
const jq = hasJq
  ? await timeShell(`gzip -dc -- "$@" | jq -n 'reduce (inputs | .Records[] | .eventName) as $n ({}; .[$n] += 1)' > /dev/null`, files)
  : undefined;

console.log(`${EVENTS} events, ${files.length} files, ${cold.rows} groups`);
console.log(`gzip -dc (floor)          ${seconds(gzip)}  (runs: ${seconds(gzip1)}, ${seconds(gzip2)})`);
console.log(`cold ingest + group-by    ${seconds(cold.ms)}  = ${(cold.ms / gzip).toFixed(2)}× gzip (target ≤ 2×)`);
console.log(`warm rerun                ${seconds(warm.ms)}  (target < 1 s)`);
if (jq !== undefined) console.log(`zcat | jq group-by        ${seconds(jq)}  = ${(jq / cold.ms).toFixed(1)}× the cold engine (target ≥ 5×)`);
else console.log('zcat | jq group-by        skipped: jq is not installed');
