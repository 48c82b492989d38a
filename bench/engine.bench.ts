/**
 * The local engine against its floor: 1 M generated events (BENCH_EVENTS to change), measured in
 * the same run — `gzip -dc` over the files (the decompression floor), `zcat | jq` doing the same
 * group-by with the same ordered result (when jq is installed; checked equal to the engine's), a
 * cold ingest + group-by into an empty cache, and a warm rerun.
 * The machine may be shared, so each is measured BENCH_RUNS times (default 3), interleaved round by
 * round, and the ratios compare the best run of each; every run is printed.
 * Targets (issue 4): cold ≤ 2× gzip, ≥ 5× faster than jq, warm < 1 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailEngine, generateSample } from '../src/engine/index.ts';
import { scanLogFiles } from '../src/engine/files/scan.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const GROUP_BY = 'SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname ORDER BY n DESC, eventname';
/** The same group-by in jq, ordered as the SQL orders it (the sort costs nothing next to the parsing). */
const JQ_PROGRAM = 'reduce (inputs | .Records[] | .eventName) as $n ({}; .[$n] += 1) | to_entries | sort_by(-.value, .key) | map([.key, .value])';
const JQ_SCRIPT = `gzip -dc -- "$@" | jq -cn '${JQ_PROGRAM}'`;
const GZIP_SCRIPT = 'gzip -dc -- "$@" > /dev/null';

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

interface Round {
  gzip: Timing;
  cold: Timing;
  warm: Timing;
  jq?: Timing;
  load: number;
}

/** Times a shell pipeline over the files (paths passed as "$@"); the shell's `times` gives its children's CPU time. */
function timeShell(script: string, files: string[]): Promise<Timing & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('sh', ['-c', `${script}\ntimes >&3`, 'sh', ...files], { stdio: ['ignore', 'pipe', 'inherit', 'pipe'] });
    let stdout = '';
    let times = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdio[3]!.on('data', (chunk: Buffer) => (times += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      // Second line: user and system time of the children, e.g. "0m4.530s 0m0.070s".
      const [user, system] = (times.trim().split('\n')[1] ?? '').split(/\s+/).map(parseShellTime);
      resolve({ ms: Date.now() - started, cpuMs: user + system, stdout });
    });
  });
}

function parseShellTime(text: string | undefined): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text ?? '');
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : NaN;
}

async function engineRun(cacheDir: string, root: string): Promise<Timing & { rows: unknown[][] }> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const engine = await CloudTrailEngine.open({ cacheDir });
  await engine.attach({ root });
  const result = await engine.query(GROUP_BY);
  await engine.close();
  const used = process.cpuUsage(cpu);
  return { ms: Date.now() - started, cpuMs: (used.user + used.system) / 1000, rows: result.rows };
}

const best = (timings: Timing[]): Timing => timings.reduce((a, b) => (b.ms < a.ms ? b : a));
const groupsText = (rows: unknown[][]) => JSON.stringify(rows.map(([name, n]) => [String(name), Number(n)]));

const root = await sampleSet();
const files = (await scanLogFiles(root)).map((f) => f.path);
const jqVersion = process.env.BENCH_SKIP_JQ ? undefined : spawnSync('jq', ['--version'], { encoding: 'utf8' });
const hasJq = jqVersion?.status === 0;
const rounds: Round[] = [];
let engineGroups = '';
let jqGroups = '';
for (let round = 1; round <= RUNS; round++) {
  const load = loadavg()[0];
  const gzip = await timeShell(GZIP_SCRIPT, files);
  const cacheDir = mkdtempSync(join(tmpdir(), 'trailsight-bench-cache-'));
  const cold = await engineRun(cacheDir, root);
  const warm = await engineRun(cacheDir, root);
  rmSync(cacheDir, { recursive: true, force: true });
  engineGroups = groupsText(cold.rows);
  if (groupsText(warm.rows) !== engineGroups) throw new Error('the warm rerun answered differently from the cold run');
  let jq: Timing | undefined;
  if (hasJq) {
    const run = await timeShell(JQ_SCRIPT, files);
    jqGroups = groupsText(JSON.parse(run.stdout) as unknown[][]);
    jq = run;
  }
  rounds.push({ gzip, cold, warm, jq, load });
  console.log(`round ${round}: gzip ${seconds(gzip.ms)} · cold ${seconds(cold.ms)} (cpu ${seconds(cold.cpuMs)}) · warm ${seconds(warm.ms)}` +
    `${jq ? ` · jq ${seconds(jq.ms)}` : ''}  (load average ${load.toFixed(1)} at the start)`);
}

const gzip = best(rounds.map((r) => r.gzip));
const cold = best(rounds.map((r) => r.cold));
const warm = best(rounds.map((r) => r.warm));
const groups = (JSON.parse(engineGroups) as unknown[]).length;
console.log(`${EVENTS} events, ${files.length} files, ${groups} groups, ${availableParallelism()} cores; best of ${RUNS} runs each (BENCH_RUNS)`);
console.log(`gzip -dc (floor)          wall ${seconds(gzip.ms)}  cpu ${seconds(gzip.cpuMs)}`);
console.log(`cold ingest + group-by    wall ${seconds(cold.ms)}  cpu ${seconds(cold.cpuMs)}  = ${(cold.ms / gzip.ms).toFixed(2)}× gzip wall (target ≤ 2×); cpu ${(cold.cpuMs / gzip.cpuMs).toFixed(2)}× gzip cpu`);
console.log(`warm rerun                wall ${seconds(warm.ms)}  (target < 1 s; slowest run ${seconds(Math.max(...rounds.map((r) => r.warm.ms)))})`);
if (hasJq) {
  const jq = best(rounds.map((r) => r.jq!));
  const same = jqGroups === engineGroups ? `the same ${groups} groups and counts as the engine` : 'DIFFERENT groups or counts from the engine';
  console.log(`zcat | jq group-by        wall ${seconds(jq.ms)}  cpu ${seconds(jq.cpuMs)}  = ${(jq.ms / cold.ms).toFixed(1)}× the cold engine's wall (target ≥ 5×); cpu ${(jq.cpuMs / cold.cpuMs).toFixed(1)}×`);
  console.log(`  ${jqVersion!.stdout.trim()}: ${JQ_SCRIPT.replace('"$@"', '<the files>')}  → ${same}`);
  if (jqGroups !== engineGroups) process.exitCode = 1;
} else {
  console.log('zcat | jq group-by        skipped: jq is not installed (or BENCH_SKIP_JQ is set)');
}
