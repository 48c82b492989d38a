/** Shared set-up for the engine tests: temp folders, a generated sample, an engine per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailEngine, generateSample, type QueryResult } from '../../src/engine/index.ts';

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `trailsight-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Generates `events` sample events into a fresh folder (seed 7, last day 2024-11-20, 7 days). */
export async function sampleLogs(events: number): Promise<{ root: string; files: number; remove: () => void }> {
  const dir = tempDir('sample');
  const { files } = await generateSample({ out: dir.path, events, seed: 7, endDay: '2024-11-20', days: 7 });
  return { root: dir.path, files, remove: dir.remove };
}

/** A minimal CloudTrail event of 2024-11-`day` with this `eventID`. */
export const eventRecord = (id: string, day = '20') => ({
  eventVersion: '1.10',
  eventTime: `2024-11-${day}T00:30:00Z`,
  eventSource: 'sts.amazonaws.com',
  eventName: 'GetCallerIdentity',
  awsRegion: 'us-east-1',
  eventID: id,
});

/** Runs `work` with a fresh log folder and a fresh cache folder, both removed after it. */
export async function withLogsAndCache<T>(name: string, work: (logs: string, cache: string) => Promise<T>): Promise<T> {
  const [logs, cache] = [tempDir(name), tempDir(`${name}-cache`)];
  try {
    return await work(logs.path, cache.path);
  } finally {
    logs.remove();
    cache.remove();
  }
}

/** The first column of every row. */
export const column = (result: QueryResult): unknown[] => result.rows.map((row) => row[0]);

/** The single value of a one-row, one-column result. */
export function scalar(result: QueryResult): unknown {
  if (result.rows.length !== 1) throw new Error(`expected one row, got ${result.rows.length}`);
  return result.rows[0][0];
}

export async function withEngine<T>(cacheDir: string, work: (engine: CloudTrailEngine) => Promise<T>): Promise<T> {
  const engine = await CloudTrailEngine.open({ cacheDir });
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}
