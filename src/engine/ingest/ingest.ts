/**
 * Loads log files into a root's records (a new Parquet segment per batch, cache/records.ts).
 * DuckDB reads whole batches of files itself; a batch that fails is retried without the file the
 * error names (or split in halves when it names none), so one bad file never costs the good ones.
 * Each file is loaded or reported, atomically.
 */
import type { TrailTable } from '../../cloudtrail/index.ts';
import type { Database } from '../sql/database.ts';
import type { ScannedFile } from '../files/scan.ts';
import { literalPath } from '../files/literal-path.ts';
import { sniffLogFile, type Sniffed } from '../files/sniff.ts';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FileRow } from '../cache/catalog.ts';
import type { RootRecords } from '../cache/records.ts';
import { columnSetText, selectEvents, type ColumnSet, type Compression, type LogFormat } from './read-sql.ts';
import { countRecords, describeReadError, fileNamedIn, isReadError } from './bad-file.ts';
import { emptyReport, type IngestReport } from './report.ts';

export interface IngestTarget {
  db: Database;
  /** Which of a trail's tables the files are of (its events, or its Insights events). */
  table: TrailTable;
  records: RootRecords;
  /** The columns to store (those a query reads, see read-sql.ts); undefined: every column. */
  columns?: ColumnSet;
}

interface Candidate {
  file: ScannedFile;
  format: LogFormat;
  compression: Compression;
  /** Format taken from the name alone (not sniffed): checked only if reading fails. */
  presumed: boolean;
  /** Read as one JSON value per line (fast); false after that failed, for pretty-printed files. */
  oneValuePerLine: boolean;
}

/** CloudTrail's own file names: `<account>_CloudTrail_<region>_<stamp>_<suffix>.json.gz` (`_CloudTrail-Insight_` for Insights events). */
const CLOUDTRAIL_NAME = /_CloudTrail(?:-Insight)?_[^/\\]*\.json\.gz$/;
const SNIFFS_PER_TURN = 256;

/** Files per DuckDB read: big enough to keep every core busy, small enough for steady progress. */
const BATCH_BYTES = 256 * 1024 * 1024;
const BATCH_FILES = 5000;

export async function ingestFiles(
  target: IngestTarget,
  files: readonly ScannedFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<IngestReport> {
  const report = emptyReport();
  let done = 0;
  onProgress?.(0, files.length);
  const all = batches(files);
  // The next batch's files are sniffed while DuckDB reads this one (sniffing touches no database).
  // Settled at once, so that a failure waits for its turn instead of going unhandled.
  const classifyAhead = (batch: readonly ScannedFile[] | undefined) =>
    batch &&
    classify(batch).then(
      (classified) => ({ classified }),
      (error: unknown) => ({ error }),
    );
  let next = classifyAhead(all[0]);
  for (const [i, batch] of all.entries()) {
    const ahead = await next!;
    if ('error' in ahead) throw ahead.error;
    next = classifyAhead(all[i + 1]);
    await ingestBatchWithProgress(target, batch, ahead.classified, report, done, files.length, onProgress);
    done += batch.length;
    onProgress?.(done, files.length);
  }
  return report;
}

/** Reads one batch; while DuckDB reads it, its own progress tells how many of the batch's files are done. */
async function ingestBatchWithProgress(
  target: IngestTarget,
  batch: readonly ScannedFile[],
  classified: Classified,
  report: IngestReport,
  done: number,
  total: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const timer =
    onProgress &&
    setInterval(() => {
      const percent = target.db.progress();
      if (percent > 0) onProgress(done + Math.floor((batch.length * Math.min(percent, 100)) / 100), total);
    }, 200);
  try {
    await ingestBatch(target, classified, report);
  } finally {
    if (timer) clearInterval(timer);
  }
}

function batches(files: readonly ScannedFile[]): ScannedFile[][] {
  const result: ScannedFile[][] = [];
  let current: ScannedFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (bytes + file.size > BATCH_BYTES || current.length >= BATCH_FILES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** A batch's files by how they hold their events (same format and compression: one DuckDB read each), and those turned away. */
interface Classified {
  groups: Candidate[][];
  bad: { file: ScannedFile; reason: string }[];
}

/** Sniffs the files whose format their name does not vouch for; reads no database. */
async function classify(files: readonly ScannedFile[]): Promise<Classified> {
  const groups = new Map<string, Candidate[]>();
  const bad: Classified['bad'] = [];
  let opened = 0;
  for (const file of files) {
    if (literalPath(file.path) === undefined) {
      bad.push({ file, reason: 'its name has a backslash beside *, ? or [, which DuckDB cannot read as one file (rename it)' });
      continue;
    }
    // Named as CloudTrail names its files: read as its envelopes, and looked at only if that fails or finds no event.
    const presumed = CLOUDTRAIL_NAME.test(file.path);
    // Synchronous sniffs (sniff.ts says why); the event loop gets a turn now and then.
    if (!presumed && ++opened % SNIFFS_PER_TURN === 0) await yieldToLoop();
    const sniff: Sniffed = presumed ? { ok: true, format: 'envelope', compression: 'gzip' } : sniffLogFile(file.path);
    if (!sniff.ok) {
      bad.push({ file, reason: sniff.reason });
      continue;
    }
    const key = `${sniff.format}/${sniff.compression}`;
    const group = groups.get(key) ?? [];
    group.push({ file, format: sniff.format, compression: sniff.compression, presumed, oneValuePerLine: true });
    groups.set(key, group);
  }
  return { groups: [...groups.values()], bad };
}

async function ingestBatch(target: IngestTarget, { groups, bad }: Classified, report: IngestReport): Promise<void> {
  for (const { file, reason } of bad) await recordBad(target, file, reason, 0, report);
  for (const group of groups) await loadIsolating(target, group, report);
}

/** Loads a group of same-format files; on failure drops the culprit and retries, or bisects. */
async function loadIsolating(target: IngestTarget, group: Candidate[], report: IngestReport): Promise<void> {
  if (group.length === 0) return;
  let unsure: Candidate[];
  try {
    unsure = await loadGroup(target, group, report);
  } catch (error) {
    const message = (error as Error).message;
    const named = group.find((c) => fileNamedIn(message, c.file.path));
    // Binder, catalog or parser errors are our bug, not a bad file: no file would load.
    if (!named && !isReadError(message)) throw error;
    if (named || group.length === 1) {
      const culprit = named ?? group[0]!;
      const rest = group.filter((c) => c !== culprit);
      if (culprit.presumed) {
        await readAsSniffed(target, culprit, report);
        await loadIsolating(target, rest, report);
        return;
      }
      if (culprit.oneValuePerLine && culprit.format !== 'array') {
        await loadIsolating(target, [{ ...culprit, oneValuePerLine: false }], report);
        await loadIsolating(target, rest, report);
        return;
      }
      const records = await countRecords(target.db, culprit.file.path, culprit.format, culprit.compression);
      await recordBad(target, culprit.file, await describeReadError(message, culprit.file.path), records, report);
      await loadIsolating(target, rest, report);
      return;
    }
    const half = Math.ceil(group.length / 2);
    await loadIsolating(target, group.slice(0, half), report);
    await loadIsolating(target, group.slice(half), report);
    return;
  }
  for (const candidate of unsure) await readAsSniffed(target, candidate, report);
}

/**
 * A file named like CloudTrail's that did not read as its envelopes (or held no event): what it
 * really holds decides, as for any other file (an empty gzip, plain JSON, one event per line…).
 */
async function readAsSniffed(target: IngestTarget, candidate: Candidate, report: IngestReport): Promise<void> {
  const sniff = sniffLogFile(candidate.file.path);
  if (!sniff.ok) await recordBad(target, candidate.file, sniff.reason, 0, report);
  else await loadIsolating(target, [{ ...candidate, ...sniff, presumed: false }], report);
}

/** Objects with none of the table's markers are not its records (e.g. a digest or some other JSON). */
function notARecord(table: TrailTable): string {
  return table.markers.map((name) => `${name} IS NULL`).join(' AND ');
}

/** The markers as the records spell them, for a person: `eventTime, eventName or eventSource`. */
function markerKeys(table: TrailTable): string {
  const keys = table.markers.map((name) => table.columns.find((c) => c.name === name)?.key ?? name);
  return `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`;
}

/**
 * Loads a group in one read and lists its files; returns the files named like CloudTrail's in which
 * the read found no event, unlisted, for a closer look (readAsSniffed).
 */
async function loadGroup(target: IngestTarget, group: Candidate[], report: IngestReport): Promise<Candidate[]> {
  const { db, records, table } = target;
  const { format, compression, oneValuePerLine } = group[0]!; // loadIsolating never loads an empty group
  const written = await records.writeSegment(
    selectEvents(
      table,
      group.map((c) => c.file),
      format,
      compression,
      oneValuePerLine,
      target.columns,
    ),
  );
  const segments = [written];
  let committed = false;
  try {
    // As columns, not Athena-presented rows: one row per file, 5,000 a batch (~0.25 s of a cold read at 100 k files as rows).
    const columns = await db
      .columns(
        `SELECT _path AS path, count(*)::DOUBLE AS total, (count(*) FILTER (WHERE ${notARecord(table)}))::DOUBLE AS strangers ` +
          `FROM ${records.segmentSource(written)} GROUP BY _path`,
      )
      .catch((error: Error) => {
        // The cache's own file: whatever went wrong, no log file is to blame.
        throw new Error(`cannot read the cache file ${written}: ${error.message.split('\n')[0]}`, { cause: error });
      });
    const [paths, totals, strangers] = [columns.path, columns.total, columns.strangers] as [string[], number[], number[]];
    const counts = paths.map((path, i) => ({ path, total: totals[i]!, strangers: strangers[i]! }));
    const { good, bad, unsure } = judge(table, group, counts);
    const loaded = good.reduce((sum, g) => sum + g.records, 0);
    let segment: string | null = written;
    if (loaded === 0) {
      segment = null;
    } else if (bad.length > 0) {
      segment = await records.writeWithout(
        written,
        bad.map((b) => b.candidate.file.path),
      );
      segments.push(segment);
    }
    const rows: FileRow[] = [
      ...good.map((g) => ({ file: g.candidate.file, records: g.records, badReason: null, segment })),
      ...bad.map((b) => ({ file: b.candidate.file, records: b.records, badReason: b.reason, segment: null })),
    ];
    await records.commit(rows, segment === null ? null : { name: segment, records: loaded, columns: columnSetText(table, target.columns) });
    committed = true;
    await records.release(segments.filter((s) => s !== segment));
    for (const g of good) {
      report.filesIngested += 1;
      report.recordsFound += g.records;
      report.recordsLoaded += g.records;
    }
    for (const b of bad) {
      report.recordsFound += b.records;
      report.badFiles.push({ path: b.candidate.file.path, reason: b.reason, records: b.records });
    }
    return unsure;
  } catch (error) {
    if (!committed) await records.discard(segments);
    throw error;
  }
}

interface Verdicts {
  good: { candidate: Candidate; records: number }[];
  bad: { candidate: Candidate; reason: string; records: number }[];
  /** Presumed CloudTrail files with no object read: an empty envelope, or not an envelope at all. */
  unsure: Candidate[];
}

/** Which files of a group hold only the table's records (good), from the per-file counts of their loaded objects. */
function judge(table: TrailTable, group: readonly Candidate[], counts: readonly { path: string; total: number; strangers: number }[]): Verdicts {
  const byPath = new Map(counts.map((c) => [c.path, c]));
  const verdicts: Verdicts = { good: [], bad: [], unsure: [] };
  for (const candidate of group) {
    const count = byPath.get(candidate.file.path) ?? { total: 0, strangers: 0 };
    if (count.total === 0 && candidate.presumed) {
      verdicts.unsure.push(candidate);
    } else if (count.strangers > 0) {
      const reason = `not a CloudTrail log: ${count.strangers} of ${count.total} JSON objects have no ${markerKeys(table)}`;
      // Its records are the objects that are CloudTrail events; the others are not records at all.
      verdicts.bad.push({ candidate, reason, records: count.total - count.strangers });
    } else {
      verdicts.good.push({ candidate, records: count.total });
    }
  }
  return verdicts;
}

async function recordBad(target: IngestTarget, file: ScannedFile, reason: string, records: number, report: IngestReport): Promise<void> {
  await target.records.commit([{ file, records, badReason: reason, segment: null }], null);
  report.recordsFound += records;
  report.badFiles.push({ path: file.path, reason, records });
}
