/**
 * Realistic, deterministic CloudTrail logs in the S3 layout: background traffic spread over
 * accounts, regions, days and hours, with the classic scenario inside, one gzip file per account,
 * region and hour, plus the digest files CloudTrail writes next to them, and the Insights events of
 * the scenario's burst in the `CloudTrail-Insight/` folder beside them.
 */
import { compiled, packageFile } from '../../files/package-files.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { insightFiles, watchedApi } from './insights.ts';
import { digestFileKey, localPath } from './layout.ts';
import { Random } from './random.ts';
import { scenarioEvents } from './scenario.ts';
import { buildWorld, DEFAULT_ACCOUNTS, DEFAULT_REGIONS, SCENARIO } from './world.ts';
import { planSlots } from './slots.ts';
import { writeSlots, type SlotJob, type SlotsWritten, type WrittenFile } from './write-slots.ts';

export interface SampleOptions {
  /** Folder to write into (the `AWSLogs/` tree goes inside). */
  out: string;
  /** Total events, scenario included (default 10 000; never fewer than the scenario's). */
  events?: number;
  /** Days of logs, ending with `endDay` (default 7). */
  days?: number;
  seed?: number;
  /** Last day, `YYYY-MM-DD` (default yesterday, UTC: the last full day, so no event lies in the future). */
  endDay?: string;
  accounts?: string[];
  regions?: string[];
  /** Minutes each log file covers (5 is CloudTrail's delivery shape: many small files); default hours enough for some 50 events a file. */
  fileMinutes?: number;
}

export interface SampleSummary {
  /** Log files written (digest files and Insights files not counted). */
  files: number;
  events: number;
  /** The Insights events of the scenario's burst (Start and End of each type), and their files. */
  insights: { files: number; events: number };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function generateSample(options: SampleOptions): Promise<SampleSummary> {
  const seed = options.seed ?? 1;
  const days = Math.max(1, Math.floor(options.days ?? 7));
  const accounts = options.accounts?.length ? options.accounts : DEFAULT_ACCOUNTS;
  const regions = options.regions?.length ? options.regions : DEFAULT_REGIONS;
  const endDay = parseDay(options.endDay ?? new Date(Date.now() - DAY).toISOString().slice(0, 10));
  const firstDay = endDay - (days - 1) * DAY;
  const world = buildWorld(seed, accounts, regions);
  const homeRegion = regions.includes(SCENARIO.region) ? SCENARIO.region : regions[0]!; // regions is never empty (the defaults)
  const scenarioStart = (days > 1 ? endDay - DAY : endDay) + 8 * HOUR + 12 * 60_000;
  const trailAt = firstDay + 7 * HOUR + 48 * 60_000;
  const placed = scenarioEvents(world[0]!, { trailAt, start: scenarioStart }, seed); // a world per account, and there is one at least
  const inRegions = (region: string) => (regions.includes(region) ? region : homeRegion);
  const scenario = placed.events.map((e) => ({ ...e, region: inRegions(e.region) }));
  const burst = { ...placed.burst, region: inRegions(placed.burst.region) };
  const watch = watchedApi(burst, firstDay);
  const slots = planSlots(new Random(seed), {
    firstDay,
    days,
    accounts,
    regions,
    homeRegion,
    events: Math.max(0, (options.events ?? 10_000) - scenario.length),
    fileMinutes: options.fileMinutes,
  });
  const job: SlotJob = { out: options.out, seed, accounts: [...accounts], regions: [...regions], homeRegion, slots, scenario, watch };
  const { files: written, watched } = await writeInParallel(job);
  await writeDigests(options.out, written);
  const insights = insightFiles({ burst, api: watch, baseline: watched, rng: new Random(seed ^ 0x1a51647) });
  for (const file of insights) {
    const path = localPath(options.out, file.key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, gzipSync(JSON.stringify({ Records: file.records })));
  }
  return {
    files: written.length,
    events: written.reduce((sum, f) => sum + f.events, 0),
    insights: { files: insights.length, events: insights.reduce((sum, f) => sum + f.records.length, 0) },
  };
}

/** Below this many events a worker's start-up costs more than it saves. */
const PARALLEL_FROM = 50_000;

/** The worker's script: the compiled one beside the bundle, or the sources' through tsx (tests). */
function workerScript(): URL | string {
  return compiled ? packageFile('dist', 'sample-worker.mjs') : new URL('./worker.mjs', import.meta.url);
}

async function writeInParallel(job: SlotJob): Promise<SlotsWritten> {
  const events = job.slots.reduce((sum, slot) => sum + slot.count, 0);
  const workers = Math.min(availableParallelism(), 8);
  if (events < PARALLEL_FROM || workers < 2) return writeSlots(job);
  const shares = Array.from({ length: workers }, (_, w) => ({ ...job, slots: job.slots.filter((_, i) => i % workers === w) }));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<SlotsWritten>((resolve, reject) => {
          const worker = new Worker(workerScript(), { workerData: share });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`sample worker exited with code ${code}`)));
        }),
    ),
  );
  return {
    files: results.flatMap((r) => r.files).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    watched: results.flatMap((r) => r.watched).sort((a, b) => a.time - b.time),
  };
}

function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`end day must be YYYY-MM-DD, got ${JSON.stringify(day)}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One digest file per account, region and day, listing that day's log files (never events: loaders skip them). */
async function writeDigests(out: string, written: readonly WrittenFile[]): Promise<void> {
  const groups = new Map<string, WrittenFile[]>();
  for (const file of written) {
    const key = `${file.account}/${file.region}/${file.day}`;
    const group = groups.get(key) ?? [];
    group.push(file);
    groups.set(key, group);
  }
  for (const files of groups.values()) {
    const { account, region, day } = files[0]!; // a group is made by its first file
    const end = day + DAY - 1000;
    const body = JSON.stringify({
      awsAccountId: account,
      digestStartTime: iso(day),
      digestEndTime: iso(end),
      digestS3Bucket: `trailsight-cloudtrail-logs-${account}`,
      digestSignatureAlgorithm: 'SHA256withRSA',
      logFiles: files.map((f) => ({
        s3Bucket: `trailsight-cloudtrail-logs-${account}`,
        s3Object: f.key,
        hashValue: f.hashValue,
        hashAlgorithm: 'SHA-256',
        newestEventTime: f.newestEventTime,
        oldestEventTime: f.oldestEventTime,
      })),
    });
    const path = localPath(out, digestFileKey(account, region, SCENARIO.trailName, end));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, gzipSync(body));
  }
}
