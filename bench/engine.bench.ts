/**
 * The local engine against its floor: 1 M generated events (BENCH_EVENTS to change), measured in
 * the same run — `gzip -dc` over the files (the decompression floor), `zcat | jq` doing the same
 * group-by (when jq is installed), a cold ingest + group-by into an empty cache, and a warm rerun.
 * Targets (issue 4): cold ≤ 2× gzip, ≥ 5× faster than jq, warm < 1 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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

interface Timing {
  /** Wall time, ms. */
  ms: number;
  /** CPU time (user + system, all threads or child processes), ms: steadier than wall time on a busy machine. */
  cpuMs: number;
}

/** Times a shell pipeline over the files (paths passed as "$@"); the shell's `times` gives its children's CPU time. */
function timeShell(script: string, files: string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('sh', ['-c', `${script}\ntimes >&3`, 'sh', ...files], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
    let times = '';
    child.stdio[3]!.on('data', (chunk: Buffer) => (times += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      // Second line: user and system time of the children, e.g. "0m4.530s 0m0.070s".
      const [user, system] = (times.trim().split('\n')[1] ?? '').split(/\s+/).map(parseShellTime);
      resolve({ ms: Date.now() - started, cpuMs: user + system });
    });
  });
}

function parseShellTime(text: string | undefined): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text ?? '');
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : NaN;
}

async function engineRun(cacheDir: string, root: string): Promise<Timing & { rows: number }> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const engine = await CloudTrailEngine.open({ cacheDir });
  await engine.attach({ root });
  const result = await engine.query(GROUP_BY);
  await engine.close();
  const used = process.cpuUsage(cpu);
  return { ms: Date.now() - started, cpuMs: (used.user + used.system) / 1000, rows: result.rows.length };
}

const root = await sampleSet();
const files = (await scanLogFiles(root)).map((f) => f.path);
const gzip1 = await timeShell('gzip -dc -- "$@" > /dev/null', files);
const cacheDir = mkdtempSync(join(tmpdir(), 'trailsight-bench-cache-'));
const cold = await engineRun(cacheDir, root);
const warm = await engineRun(cacheDir, root);
const gzip2 = await timeShell('gzip -dc -- "$@" > /dev/null', files);
rmSync(cacheDir, { recursive: true, force: true });
const gzip = (gzip1.ms + gzip2.ms) / 2;
const gzipCpu = (gzip1.cpuMs + gzip2.cpuMs) / 2;
const hasJq = !process.env.BENCH_SKIP_JQ && spawnSync('jq', ['--version']).status === 0;
const jq = hasJq
  ? await timeShell(`gzip -dc -- "$@" | jq -n 'reduce (inputs | .Records[] | .eventName) as $n ({}; .[$n] += 1)' > /dev/null`, files)
  : undefined;

const cores = availableParallelism();
console.log(`${EVENTS} events, ${files.length} files, ${cold.rows} groups, ${cores} cores, load average ${loadavg()[0].toFixed(1)}`);
console.log(`gzip -dc (floor)          wall ${seconds(gzip)}  cpu ${seconds(gzipCpu)}  (runs: ${seconds(gzip1.ms)}, ${seconds(gzip2.ms)})`);
console.log(`cold ingest + group-by    wall ${seconds(cold.ms)}  cpu ${seconds(cold.cpuMs)}  = ${(cold.ms / gzip).toFixed(2)}× gzip wall (target ≤ 2×); cpu ${(cold.cpuMs / gzipCpu).toFixed(2)}× gzip cpu`);
console.log(`warm rerun                wall ${seconds(warm.ms)}  (target < 1 s)`);
if (jq !== undefined) console.log(`zcat | jq group-by        wall ${seconds(jq.ms)}  cpu ${seconds(jq.cpuMs)}  = ${(jq.ms / cold.ms).toFixed(1)}× the cold engine's wall (target ≥ 5×); cpu ${(jq.cpuMs / cold.cpuMs).toFixed(1)}×`);
else console.log('zcat | jq group-by        skipped: jq is not installed (or BENCH_SKIP_JQ is set)');
