/**
 * A huge log field against the same publish without it (the containment issue's exhaustion part):
 * `trailsight publish --logs` (the CLI, as users run it) over generated sample logs, and over the
 * same logs plus one record whose userName is 200 MiB (BENCH_HUGE_MB to change), measured in the
 * same run, BENCH_RUNS rounds (default 1), interleaved. Figures: the publish's peak RSS (getrusage's
 * maxRSS, DuckDB included), its wall time, the largest page and the whole site.
 * The page bound holds when the largest page with the record is its size without it plus a few
 * cut values (each value a page holds is at most 2,000 characters and `…`); the memory is
 * reported, with what the record adds per byte of it.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSample } from '../src/engine/index.ts';
import { writeHugeLog } from '../test/security/huge-log.ts';

const MiB = 1024 * 1024;
const HUGE_MB = Number(process.env.BENCH_HUGE_MB ?? 200);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const EVENTS = Number(process.env.BENCH_EVENTS_HUGE ?? 10_000);
const REPO = fileURLToPath(new URL('..', import.meta.url));
/** What the record may add to the largest page: its cut values, wherever the page shows them. */
const PAGE_ALLOWANCE = 256 * 1024;

interface Publish {
  code: number | null;
  ms: number;
  /** Peak resident set size of the publish process, bytes. */
  peakRss: number;
  largestPage: { name: string; bytes: number };
  siteBytes: number;
  cutNotes: number;
  stderr: string;
}

const dir = mkdtempSync(join(tmpdir(), 'trailsight-bench-huge-'));
// The publish process reports its own peak RSS as it exits (getrusage: kilobytes on Linux).
const preload = join(dir, 'report-rss.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.TRAILSIGHT_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024)));\n`,
);

async function publish(logs: string, label: string): Promise<Publish> {
  const work = mkdtempSync(join(dir, `${label}-`));
  cpSync(join(REPO, 'dashboards'), join(work, 'dashboards'), { recursive: true });
  const rssFile = join(work, 'rss');
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, join(REPO, 'bin', 'trailsight.js'), 'publish', '--logs', logs], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work, TRAILSIGHT_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = Date.now() - started;
  const out = join(work, 'out');
  const pages = readdirSync(out)
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ name, bytes: statSync(join(out, name)).size }));
  const largestPage = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a), { name: '(none)', bytes: 0 });
  const siteBytes = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
  const cutNotes = pages.reduce((n, page) => n + (readFileSync(join(out, page.name), 'utf8').match(/class="visual-cut"/g)?.length ?? 0), 0);
  const result = { code, ms, peakRss: Number(readFileSync(rssFile, 'utf8')), largestPage, siteBytes, cutNotes, stderr };
  rmSync(work, { recursive: true, force: true });
  return result;
}

const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  // bin/trailsight.js runs the compiled CLI: compile it from the sources under measure.
  execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const normal = join(dir, 'logs-normal');
  const huge = join(dir, 'logs-huge');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const { events, files } = await generateSample({ out: normal, events: EVENTS, days: 7, seed: 1, endDay: yesterday });
  cpSync(normal, huge, { recursive: true });
  const account = readdirSync(join(huge, 'AWSLogs')).sort()[0]!;
  const hugeFile = await writeHugeLog(huge, {
    account,
    region: 'us-east-1',
    time: new Date(`${yesterday}T12:00:00Z`),
    chars: HUGE_MB * MiB,
    fields: ['userName'],
  });
  console.log(
    `${events} sample events in ${files} files; plus one record with a ${HUGE_MB} MiB userName (${mb(statSync(hugeFile).size)} gzipped); ${availableParallelism()} cores; ${RUNS} round(s) (BENCH_RUNS)`,
  );

  const rounds: { normal: Publish; huge: Publish }[] = [];
  for (let round = 1; round <= RUNS; round++) {
    const load = loadavg()[0]!;
    const a = await publish(normal, 'normal');
    const b = await publish(huge, 'huge');
    for (const [name, run] of [
      ['normal', a],
      ['huge', b],
    ] as const) {
      if (run.code !== 0) throw new Error(`the ${name} publish exited ${run.code}: ${run.stderr.slice(-2000)}`);
    }
    rounds.push({ normal: a, huge: b });
    console.log(
      `round ${round}: without ${seconds(a.ms)}, peak RSS ${mb(a.peakRss)}, largest page ${kb(a.largestPage.bytes)} · ` +
        `with the record ${seconds(b.ms)}, peak RSS ${mb(b.peakRss)}, largest page ${kb(b.largestPage.bytes)}  (load average ${load.toFixed(1)} at the start)`,
    );
  }

  // The worst of the rounds: a bound is about the largest.
  const worst = (pick: (r: (typeof rounds)[number]) => Publish, key: 'peakRss' | 'ms') => Math.max(...rounds.map((r) => pick(r)[key]));
  const last = rounds[rounds.length - 1]!;
  const record = HUGE_MB * MiB;
  const rssWithout = worst((r) => r.normal, 'peakRss');
  const rssWith = worst((r) => r.huge, 'peakRss');
  console.log(
    `publish without the record   peak RSS ${mb(rssWithout)}  wall ${seconds(worst((r) => r.normal, 'ms'))}  largest page ${last.normal.largestPage.name} ${kb(last.normal.largestPage.bytes)}  site ${mb(last.normal.siteBytes)}`,
  );
  console.log(
    `publish with a ${HUGE_MB} MiB record  peak RSS ${mb(rssWith)}  wall ${seconds(worst((r) => r.huge, 'ms'))}  largest page ${last.huge.largestPage.name} ${kb(last.huge.largestPage.bytes)}  site ${mb(last.huge.siteBytes)}`,
  );
  console.log(
    `  the record adds ${mb(rssWith - rssWithout)} of peak RSS = ${((rssWith - rssWithout) / record).toFixed(1)}× its size (${(rssWith / rssWithout).toFixed(2)}× the publish without it): ` +
      `DuckDB reading it (ingest, then each query over the column, one at a time); the endpoint and the preview never hold it`,
  );
  console.log(
    `  largest page: ${kb(last.huge.largestPage.bytes)} against ${kb(last.normal.largestPage.bytes)} without the record (+${kb(last.huge.largestPage.bytes - last.normal.largestPage.bytes)}; ` +
      `${(record / last.huge.largestPage.bytes).toFixed(0)}× smaller than the record); ${last.huge.cutNotes} visuals note values shown cut`,
  );
  // The page bound: the record adds cut values only (each at most 2,001 characters, 12 KB escaped), never itself.
  const added = Math.max(...rounds.map((r) => r.huge.largestPage.bytes - r.normal.largestPage.bytes));
  if (added > PAGE_ALLOWANCE || last.huge.cutNotes === 0) {
    console.log(`  FAILED: the record adds ${kb(added)} to the largest page (bound ${kb(PAGE_ALLOWANCE)}), ${last.huge.cutNotes} notes`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
