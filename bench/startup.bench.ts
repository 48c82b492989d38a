/**
 * The CLI's start, as users run it (`node bin/trailsight.js`, the compiled CLI in dist/, rebuilt from
 * the sources first): `trailsight --help` and `trailsight lint` of the shipped `dashboards/`, beside
 * `node -e ''` (Node's own start, the floor) measured in the same run. The machine may be shared, so
 * each is run BENCH_RUNS times (default 10), interleaved round by round; the figures are the best and
 * the median run of each, and what each adds to the floor. Targets (issue 12): --help < 0.3 s,
 * lint < 1 s. `query` over an empty folder (its cache beside it, made by the first run) is its start:
 * loading the CLI, the parser's first query, opening DuckDB; from the snapshot and without it, as a ratio.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10));
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'bin', 'trailsight.js');
/** An empty folder of logs, and the cache folder of `query` over it. */
const QUERY_DIR = mkdtempSync(join(tmpdir(), 'trailsight-bench-start-'));
const EMPTY_LOGS = join(QUERY_DIR, 'logs');
mkdirSync(EMPTY_LOGS);
const QUERY_ARGS = [
  CLI,
  'query',
  '--logs',
  EMPTY_LOGS,
  '--cache',
  join(QUERY_DIR, 'cache'),
  '--sql',
  'SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY 1 ORDER BY 2 DESC',
];

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  /** What the run must print on standard output, so a failing run is never timed as a fast one. */
  readonly prints: RegExp;
  /** Seconds; none for the floor. */
  readonly target?: number;
  /** Added to the environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** The label of the case this one is compared with, as a ratio of their times. */
  readonly versus?: string;
}

const CASES: readonly Case[] = [
  { label: "node -e ''", args: ['-e', ''], prints: /^$/ },
  { label: 'trailsight --help', args: [CLI, '--help'], prints: /Usage: trailsight/, target: 0.3 },
  { label: 'trailsight lint', args: [CLI, 'lint'], prints: /lint: no problems found/, target: 1 },
  // Without the startup snapshot `lint` starts from (src/cli/startup-snapshot.ts), and on specs its
  // warm-up never saw (the compile tests' fixtures): what the snapshot is worth beyond what it was shown.
  { label: 'lint, no snapshot', args: [CLI, 'lint'], prints: /lint: no problems found/, env: { TRAILSIGHT_SNAPSHOT: '0' }, versus: 'trailsight lint' },
  { label: 'lint, unseen specs', args: [CLI, 'lint', 'test/compile/fixtures'], prints: /lint: no problems found/, target: 1 },
  {
    label: 'unseen, no snapshot',
    args: [CLI, 'lint', 'test/compile/fixtures'],
    prints: /lint: no problems found/,
    env: { TRAILSIGHT_SNAPSHOT: '0' },
    versus: 'lint, unseen specs',
  },
  // `query` starts from the snapshot too: its DuckDB is loaded from node_modules when the query runs.
  { label: 'query, empty folder', args: QUERY_ARGS, prints: /\(0 rows\)/ },
  { label: 'query, no snapshot', args: QUERY_ARGS, prints: /\(0 rows\)/, env: { TRAILSIGHT_SNAPSHOT: '0' }, versus: 'query, empty folder' },
];

interface Timing {
  /** Wall time, ms. */
  ms: number;
  /** CPU time of the process (user + system, every thread), ms. */
  cpuMs: number;
}

/** Runs node with `args` in the repository; the shell's `times` gives its child's CPU time. */
function time({ args, prints, env }: Case): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', '"$@"\ncode=$?\ntimes >&3\nexit $code', 'sh', process.execPath, ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    });
    const started = process.hrtime.bigint();
    let stdout = '';
    let times = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdio[3]!.on('data', (chunk: Buffer) => (times += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 || !prints.test(stdout)) return reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stdout}`));
      // Second line: user and system time of the children, e.g. "0m0.530s 0m0.070s".
      const [user, system] = (times.trim().split('\n')[1] ?? '').split(/\s+/).map(parseShellTime);
      resolve({ ms, cpuMs: user + system });
    });
  });
}

function parseShellTime(text: string | undefined): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text ?? '');
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : NaN;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const best = (timings: readonly Timing[]) => timings.reduce((a, b) => (b.ms < a.ms ? b : a));
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const runs: Timing[][] = CASES.map(() => []);
const loads: number[] = [];
for (let round = 0; round < RUNS; round++) {
  loads.push(loadavg()[0]);
  for (const [i, c] of CASES.entries()) runs[i]!.push(await time(c));
}

const floor = best(runs[0]!);
console.log(
  `${availableParallelism()} cores, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; best and median of ${RUNS} interleaved runs each (BENCH_RUNS)`,
);
for (const [i, c] of CASES.entries()) {
  const own = best(runs[i]!);
  const middle = median(runs[i]!.map((t) => t.ms));
  const beside = i === 0 ? '(the floor)' : `= floor + ${seconds(own.ms - floor.ms)}, ${(own.ms / floor.ms).toFixed(1)}× the floor`;
  const verdict = c.target === undefined ? '' : `  target < ${c.target} s: ${own.ms < c.target * 1000 ? 'met' : 'MISSED'}`;
  console.log(`${c.label.padEnd(22)} best ${seconds(own.ms)} (cpu ${seconds(own.cpuMs)})  median ${seconds(middle)}  ${beside}${verdict}`);
}
// What the snapshot is worth: each case with it against the same without it, measured in the same rounds.
for (const [i, c] of CASES.entries()) {
  const j = CASES.findIndex((other) => other.label === c.versus);
  if (j < 0) continue;
  const [fast, slow] = [runs[j]!, runs[i]!];
  const ratio = (f: (t: readonly Timing[]) => number) => (f(fast) / f(slow)).toFixed(2);
  console.log(
    `${CASES[j]!.label} / ${c.label}: best ${ratio((t) => best(t).ms)}, median ${ratio((t) => median(t.map((x) => x.ms)))}, cpu of the best ${ratio((t) => best(t).cpuMs)}`,
  );
}
rmSync(QUERY_DIR, { recursive: true, force: true });
