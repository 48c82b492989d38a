/**
 * Writes the log files of a share of the slots: one gzip `{"Records":[…]}` file per slot.
 * Each slot draws from its own seeded generator, so shares can run in parallel workers and the
 * output is the same byte for byte however the slots are shared out.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AccountTraffic } from './background.ts';
import { watchedCall, type WatchedApi, type WatchedCall } from './insights.ts';
import { localPath, logFileKey } from './layout.ts';
import { Random, seedOf } from './random.ts';
import type { PlacedEvent } from './scenario.ts';
import type { Slot } from './slots.ts';
import { buildWorld } from './world.ts';

export interface SlotJob {
  out: string;
  seed: number;
  accounts: string[];
  regions: string[];
  homeRegion: string;
  slots: Slot[];
  scenario: PlacedEvent[];
  /** An API whose calls (in the logs before the scenario's burst) make its Insights events' baseline. */
  watch?: WatchedApi;
}

/** What a share of the slots wrote: its files, and the calls to the watched API among their records. */
export interface SlotsWritten {
  files: WrittenFile[];
  watched: WatchedCall[];
}

/** A written log file, as the day's digest lists it. */
export interface WrittenFile {
  account: string;
  region: string;
  day: number;
  key: string;
  events: number;
  hashValue: string;
  oldestEventTime: string;
  newestEventTime: string;
}

const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function writeSlots(job: SlotJob): SlotsWritten {
  const traffic = new Map(buildWorld(job.seed, job.accounts, job.regions).map((w) => [w.id, new AccountTraffic(w, job.homeRegion)]));
  const folders = new Set<string>();
  const written: WrittenFile[] = [];
  const watched: WatchedCall[] = [];
  const watch = (account: string, region: string, time: number, record: Record<string, unknown>) => {
    const call = job.watch && watchedCall(job.watch, account, region, time, record);
    if (call) watched.push(call);
    return record;
  };
  for (const slot of job.slots) {
    const rng = new Random(job.seed ^ seedOf(`${slot.account}/${slot.region}/${slot.start}`));
    const times: number[] = [];
    for (let i = 0; i < slot.count; i++) times.push(slot.start + rng.int(slot.length));
    times.sort((a, b) => a - b);
    const traffic1 = traffic.get(slot.account)!;
    let records = times.map((time) => ({ time, json: JSON.stringify(watch(slot.account, slot.region, time, traffic1.event(rng, slot.region, time))) }));
    const mine = job.scenario.filter(
      (e) => e.account === slot.account && e.region === slot.region && e.time >= slot.start && e.time < slot.start + slot.length,
    );
    if (mine.length > 0)
      records = [...records, ...mine.map((e) => ({ time: e.time, json: JSON.stringify(watch(e.account, e.region, e.time, e.record)) }))].sort(
        (a, b) => a.time - b.time,
      );
    if (records.length === 0) continue;
    const delivered = slot.start + slot.length - 5 * 60_000 + rng.int(5 * 60_000);
    const key = logFileKey(slot.account, slot.region, delivered, rng.alnum(16));
    const compressed = gzipSync(`{"Records":[${records.map((r) => r.json).join(',')}]}`, { level: 1 });
    const path = localPath(job.out, key);
    if (!folders.has(dirname(path))) {
      mkdirSync(dirname(path), { recursive: true });
      folders.add(dirname(path));
    }
    writeFileSync(path, compressed);
    written.push({
      account: slot.account,
      region: slot.region,
      day: slot.day,
      key,
      events: records.length,
      hashValue: createHash('sha256').update(compressed).digest('hex'),
      // A slot without events writes no file.
      oldestEventTime: iso(records[0]!.time),
      newestEventTime: iso(records[records.length - 1]!.time),
    });
  }
  return { files: written, watched };
}
