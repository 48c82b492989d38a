/**
 * The local engine at a real trail's shape (bench/trail-shape.ts: a file per account and Region per
 * 5 minutes), against its floors, measured in the same run: `gzip -dc` over the files (the
 * decompression floor), `zcat | jq` doing the same group-by (checked equal to the engine's), and
 * `trailsight query` as users run it (the CLI, a process each):
 * - start: the same query over an empty folder (Node, the CLI and the SQL parser's warm-up, no logs);
 * - cold: an empty cache; warm: the same query again, nothing new; incremental: after the trail's
 *   last day of files arrived (hard links, so the files keep their times).
 * Sizes: BENCH_EVENTS (comma-separated; default 200000,1000000). Each is measured BENCH_RUNS times
 * (default 3), interleaved round by round; the ratios compare the best run of each; every run is
 * printed, with wall, CPU (user + system of the process and its children) and peak RSS.
 * Then one local `trailsight publish --logs` over the same logs, from a fresh folder (the endpoint's
 * Athena and the preview on the same engine; BENCH_PUBLISH=0 skips it).
 * Targets (issue 16): cold ≤ 2× gzip wall and ≥ 5× faster than jq; warm and incremental each
 * < 0.3 s over the start; peak RSS < 1 GB at 1 M events.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanLogFiles } from '../src/engine/files/scan.ts';
import { describeShape, shapeFor, trailSet } from './trail-shape.ts';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_EVENTS ?? '200000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const GROUP_BY = 'SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname ORDER BY n DESC, eventname';
/** The same group-by in jq, ordered as the SQL orders it (the sort costs nothing next to the parsing). */
const JQ_PROGRAM = 'reduce (inputs | .Records[] | .eventName) as $n ({}; .[$n] += 1) | to_entries | sort_by(-.value, .key) | map([.key, .value])';
// The file list is too long for one command line (100 k paths): xargs hands it to gzip in parts.
const FILES = `tr '\\n' '\\0' < "$1" | xargs -0 gzip -dc --`;
const JQ_SCRIPT = `${FILES} | jq -cn '${JQ_PROGRAM}'`;
const GZIP_SCRIPT = `${FILES} > /dev/null`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

interface Timing {
  /** Wall time, ms. */
  ms: number;
  /** CPU time (user + system of the process and its children), ms: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Peak resident set size, KB (the CLI runs only). */
  rssKb?: number;
}

/** Times a shell pipeline given the file list's path as "$1"; the shell's `times` gives its children's CPU time. */
function timeShell(script: string, list: string): Promise<Timing & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('sh', ['-c', `${script}\ntimes >&3`, 'sh', list], { stdio: ['ignore', 'pipe', 'inherit', 'pipe'] });
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

/** `trailsight query` over `logs` with the cache in `cache`: wall, CPU and peak RSS from GNU time, the CSV rows. */
function cli(logs: string, cache: string, sql = GROUP_BY): Promise<Timing & { rows: string }> {
  return trailsight(['query', '--logs', logs, '--cache', cache, '--format', 'csv', '--sql', sql]);
}

/**
 * Runs the CLI under GNU time (in `cwd`, HOME there too: no AWS configuration). TRAILSIGHT_SNAPSHOT=0
 * in the bench's environment reaches it: the same bench without the startup snapshot `query` starts from.
 */
function trailsight(args: string[], cwd = REPO): Promise<Timing & { rows: string }> {
  const stats = join(tmpdir(), `trailsight-bench-time-${process.pid}`);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timed = ['-f', '%U %S %M', '-o', stats, process.execPath, join(REPO, 'bin', 'trailsight.js'), ...args];
    const snapshot = process.env.TRAILSIGHT_SNAPSHOT === undefined ? {} : { TRAILSIGHT_SNAPSHOT: process.env.TRAILSIGHT_SNAPSHOT };
    const child = spawn('/usr/bin/time', timed, { cwd, env: { PATH: process.env.PATH, HOME: cwd, ...snapshot }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Date.now() - started;
      if (code !== 0) return reject(new Error(`trailsight ${args[0]} exited with ${code}: ${stderr.slice(-2000)}`));
      const [user, system, rss] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      rmSync(stats, { force: true });
      resolve({ ms, cpuMs: (user + system) * 1000, rssKb: rss, rows: stdout });
    });
  });
}

const best = (timings: Timing[]): Timing => timings.reduce((a, b) => (b.ms < a.ms ? b : a));
const fmt = (t: Timing) => `wall ${seconds(t.ms)}  cpu ${seconds(t.cpuMs)}${t.rssKb ? `  peak RSS ${mb(t.rssKb)}` : ''}`;

/**
 * Hard links of `files` (paths under `from`) under `to`: the same files, times and all; each folder
 * dated by its newest file, as a folder synced from S3 is (its time moves when a file arrives in it),
 * so that a rerun sees the folders of days long delivered as old, not as made a second ago.
 */
function link(files: readonly string[], from: string, to: string): void {
  const newest = new Map<string, number>();
  for (const file of files) {
    const target = join(to, relative(from, file));
    const folder = dirname(target);
    if (!newest.has(folder)) mkdirSync(folder, { recursive: true });
    linkSync(file, target);
    newest.set(folder, Math.max(newest.get(folder) ?? 0, statSync(target).mtimeMs));
  }
  for (const [folder, mtimeMs] of newest) utimesSync(folder, new Date(mtimeMs), new Date(mtimeMs));
}

const jqVersion = process.env.BENCH_SKIP_JQ ? undefined : spawnSync('jq', ['--version'], { encoding: 'utf8' });
const hasJq = jqVersion?.status === 0;
const parseCsv = (csv: string) =>
  JSON.stringify(
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [name, n] = line.split(',');
        return [name.replace(/^"|"$/g, ''), Number(n)];
      }),
  );
console.log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (!hasJq) console.log('jq: not installed (or BENCH_SKIP_JQ set): the jq comparison is skipped (apt-get install -y jq)');

for (const events of SIZES) {
  const shape = shapeFor(events);
  const set = await trailSet(shape);
  const all = await scanLogFiles(set.root);
  const lastDay = all.reduce((max, f) => (f.timestamp && f.timestamp > max ? f.timestamp : max), '');
  const before = all.filter((f) => f.timestamp !== lastDay);
  const arriving = all.filter((f) => f.timestamp === lastDay);
  const work = mkdtempSync(join(tmpdir(), 'trailsight-bench-engine-'));
  const logs = join(work, 'logs');
  const empty = join(work, 'empty');
  mkdirSync(empty);
  link(
    before.map((f) => f.path),
    set.root,
    logs,
  );
  const list = join(work, 'files.txt');
  writeFileSync(list, `${before.map((f) => f.path).join('\n')}\n`);
  const bytes = before.reduce((n, f) => n + f.size, 0);
  console.log(
    `\n${events} events (${describeShape(shape)}): ${before.length} files, ${(bytes / 2 ** 20).toFixed(0)} MB gzip before the last day; the last day (${lastDay}) ${arriving.length} files`,
  );
  const rounds: { gzip: Timing; start: Timing; cold: Timing; warm: Timing; incremental: Timing; jq?: Timing }[] = [];
  let answer = '';
  let jqAnswer = '';
  let published: Timing | undefined;
  try {
    for (let round = 1; round <= RUNS; round++) {
      const load = loadavg()[0];
      const gzip = await timeShell(GZIP_SCRIPT, list);
      const cache = join(work, `cache-${round}`);
      const start = await cli(empty, join(work, `cache-empty-${round}`));
      const cold = await cli(logs, cache);
      const warm = await cli(logs, cache);
      link(
        arriving.map((f) => f.path),
        set.root,
        logs,
      );
      const incremental = await cli(logs, cache);
      for (const f of arriving) rmSync(join(logs, relative(set.root, f.path)));
      rmSync(cache, { recursive: true, force: true });
      answer = parseCsv(cold.rows);
      if (parseCsv(warm.rows) !== answer) throw new Error('the warm rerun answered differently from the cold run');
      if (parseCsv(incremental.rows) === answer) throw new Error('the incremental run did not see the new day');
      let jq: Timing | undefined;
      if (hasJq) {
        const run = await timeShell(JQ_SCRIPT, list);
        jqAnswer = JSON.stringify((JSON.parse(run.stdout) as [string, number][]).map(([name, n]) => [name, n]));
        jq = run;
      }
      rounds.push({ gzip, start, cold, warm, incremental, jq });
      console.log(
        `round ${round}: gzip ${seconds(gzip.ms)} · start ${seconds(start.ms)} · cold ${seconds(cold.ms)} (cpu ${seconds(cold.cpuMs)}) · warm ${seconds(warm.ms)} · incremental ${seconds(incremental.ms)}` +
          `${jq ? ` · jq ${seconds(jq.ms)}` : ''}  (load average ${load.toFixed(1)} at the start)`,
      );
    }
    if (process.env.BENCH_PUBLISH !== '0') {
      const folder = join(work, 'publish');
      cpSync(join(REPO, 'dashboards'), join(folder, 'dashboards'), { recursive: true });
      published = await trailsight(['publish', '--logs', logs], folder);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const pick = (key: 'gzip' | 'start' | 'cold' | 'warm' | 'incremental') => best(rounds.map((r) => r[key]));
  const [gzip, start, cold, warm, incremental] = (['gzip', 'start', 'cold', 'warm', 'incremental'] as const).map(pick);
  const groups = (JSON.parse(answer) as unknown[]).length;
  console.log(`best of ${RUNS} (BENCH_RUNS); ${groups} groups`);
  console.log(`gzip -dc (floor)            ${fmt(gzip)}`);
  console.log(`start (query, no logs)      ${fmt(start)}  (node, the CLI, the SQL parser's warm-up)`);
  console.log(
    `cold ingest + group-by      ${fmt(cold)}  = ${(cold.ms / gzip.ms).toFixed(2)}× gzip wall (target ≤ 2×); cpu ${(cold.cpuMs / gzip.cpuMs).toFixed(2)}× gzip cpu`,
  );
  console.log(`warm rerun, nothing new     ${fmt(warm)}  = start + ${seconds(warm.ms - start.ms)} (target < 0.3 s)`);
  console.log(
    `incremental, +1 day         ${fmt(incremental)}  = start + ${seconds(incremental.ms - start.ms)} (target < 0.3 s; ${arriving.length} new files)`,
  );
  if (hasJq) {
    const jq = best(rounds.map((r) => r.jq!));
    const same = jqAnswer === answer ? `the same ${groups} groups and counts as the engine` : 'DIFFERENT groups or counts from the engine';
    console.log(
      `zcat | jq group-by          ${fmt(jq)}  = ${(jq.ms / cold.ms).toFixed(1)}× the cold engine's wall (target ≥ 5×); cpu ${(jq.cpuMs / cold.cpuMs).toFixed(1)}×`,
    );
    console.log(`  ${jqVersion!.stdout.trim()}: ${JQ_SCRIPT.replace('"$1"', '<the file list>')}  → ${same}`);
    if (jqAnswer !== answer) process.exitCode = 1;
  }
  if (published)
    console.log(
      `local publish over the logs  ${fmt(published)}  (cold: its own .trailsight; every dashboard's queries through the endpoint's Athena, then the preview)`,
    );
  if (!existsSync(set.root)) throw new Error('the generated set went away');
}
