/**
 * Loads log files into a root's records table. DuckDB reads whole batches of files itself; a batch
 * that fails is retried without the file the error names (or split in halves when it names none),
 * so one bad file never costs the good ones. Each file is loaded or reported, atomically.
 */
import pLimit from 'p-limit';
import type { Database } from '../sql/database.ts';
import { quoteString } from '../sql/quote.ts';
import type { ScannedFile } from '../files/scan.ts';
import { sniffLogFile } from '../files/sniff.ts';
import { CACHE_SCHEMA } from '../cache/catalog.ts';
import { selectEvents, type Compression, type LogFormat } from './read-sql.ts';
import { countRecords, describeReadError, fileNamedIn, isReadError } from './bad-file.ts';
import { emptyReport, type IngestReport } from './report.ts';

export interface IngestTarget {
  db: Database;
  root: string;
  recordsTable: string;
  /** Hands out file ids, never reused. */
  allocateFileId: () => number;
}

interface Candidate {
  file: ScannedFile;
  fileId: number;
  format: LogFormat;
  compression: Compression;
}

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
  for (const batch of batches(files)) {
    await ingestBatch(target, batch, report);
    done += batch.length;
    onProgress?.(done, files.length);
  }
  return report;
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

async function ingestBatch(target: IngestTarget, files: readonly ScannedFile[], report: IngestReport): Promise<void> {
  const limit = pLimit(16);
  const sniffed = await Promise.all(files.map((file) => limit(async () => ({ file, sniff: await sniffLogFile(file.path) }))));
  const groups = new Map<string, Candidate[]>();
  for (const { file, sniff } of sniffed) {
    if (!sniff.ok) {
      await recordBad(target, file, target.allocateFileId(), sniff.reason, 0, report);
      continue;
    }
    const key = `${sniff.format}/${sniff.compression}`;
    const group = groups.get(key) ?? [];
    group.push({ file, fileId: target.allocateFileId(), format: sniff.format, compression: sniff.compression });
    groups.set(key, group);
  }
  for (const group of groups.values()) await loadIsolating(target, group, report);
}

/** Loads a group of same-format files; on failure drops the culprit and retries, or bisects. */
async function loadIsolating(target: IngestTarget, group: Candidate[], report: IngestReport): Promise<void> {
  if (group.length === 0) return;
  try {
    await loadGroup(target, group, report);
    return;
  } catch (error) {
    const message = (error as Error).message;
    const named = group.find((c) => fileNamedIn(message, c.file.path));
    // Binder, catalog or parser errors are our bug, not a bad file: no file would load.
    if (!named && !isReadError(message)) throw error;
    if (named || group.length === 1) {
      const culprit = named ?? group[0];
      const records = await countRecords(target.db, culprit.file.path, culprit.format, culprit.compression);
      await recordBad(target, culprit.file, culprit.fileId, await describeReadError(message, culprit.file.path), records, report);
      await loadIsolating(target, group.filter((c) => c !== culprit), report);
      return;
    }
    const half = Math.ceil(group.length / 2);
    await loadIsolating(target, group.slice(0, half), report);
    await loadIsolating(target, group.slice(half), report);
  }
}

/** Objects with none of these are not CloudTrail events (e.g. a digest or some other JSON). */
const NOT_AN_EVENT = 'eventtime IS NULL AND eventname IS NULL AND eventsource IS NULL';

async function loadGroup(target: IngestTarget, group: Candidate[], report: IngestReport): Promise<void> {
  const { db, recordsTable } = target;
  const { format, compression } = group[0];
  const batchFiles = group
    .map((c) => `(${quoteString(c.file.path)}, ${c.fileId}, ${sqlOrNull(c.file.account)}, ${sqlOrNull(c.file.region)}, ${sqlOrNull(c.file.timestamp)})`)
    .join(', ');
  const ids = group.map((c) => c.fileId);
  const minId = Math.min(...ids);
  const maxId = Math.max(...ids);
  await db.run('BEGIN TRANSACTION');
  try {
    // Rows of one insert may land in any order: lets DuckDB insert on every core.
    await db.run('SET preserve_insertion_order = false');
    await db.run(
      `INSERT INTO ${recordsTable} SELECT e.* EXCLUDE (_path), f.account, f.region, f.ts, f.file_id ` +
        `FROM (${selectEvents(group.map((c) => c.file.path), format, compression)}) e ` +
        `JOIN (VALUES ${batchFiles}) f(path, file_id, account, region, ts) ON e._path = f.path`,
    );
    await db.run('RESET preserve_insertion_order');
    const counts = await db.objects<{ file_id: number; total: number; strangers: number }>(
      `SELECT _file_id AS file_id, count(*) AS total, count(*) FILTER (WHERE ${NOT_AN_EVENT}) AS strangers ` +
        `FROM ${recordsTable} WHERE _file_id BETWEEN ${minId} AND ${maxId} GROUP BY _file_id`,
    );
    const byId = new Map(counts.map((c) => [c.file_id, c]));
    const rows: string[] = [];
    const bad: { candidate: Candidate; reason: string; records: number }[] = [];
    const loaded: number[] = [];
    for (const candidate of group) {
      const count = byId.get(candidate.fileId) ?? { total: 0, strangers: 0 };
      if (count.strangers > 0) {
        const reason = `not a CloudTrail log: ${count.strangers} of ${count.total} JSON objects have no eventTime, eventName or eventSource`;
        // Its records are the objects that are CloudTrail events; the others are not records at all.
        bad.push({ candidate, reason, records: count.total - count.strangers });
        continue;
      }
      rows.push(fileRow(target.root, candidate.file, candidate.fileId, count.total, null));
      loaded.push(count.total);
    }
    if (bad.length > 0) {
      await db.run(`DELETE FROM ${recordsTable} WHERE _file_id IN (${bad.map((b) => b.candidate.fileId).join(', ')})`);
      for (const b of bad) {
        rows.push(fileRow(target.root, b.candidate.file, b.candidate.fileId, b.records, b.reason));
      }
    }
    await db.run(`INSERT INTO ${CACHE_SCHEMA}.files VALUES ${rows.join(', ')}`);
    await db.run('COMMIT');
    for (const records of loaded) {
      report.filesIngested += 1;
      report.recordsFound += records;
      report.recordsLoaded += records;
    }
    for (const b of bad) {
      report.recordsFound += b.records;
      report.badFiles.push({ path: b.candidate.file.path, reason: b.reason, records: b.records });
    }
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    await db.run('RESET preserve_insertion_order').catch(() => undefined);
    throw error;
  }
}

async function recordBad(target: IngestTarget, file: ScannedFile, fileId: number, reason: string, records: number, report: IngestReport): Promise<void> {
  await target.db.run(`INSERT INTO ${CACHE_SCHEMA}.files VALUES ${fileRow(target.root, file, fileId, records, reason)}`);
  report.recordsFound += records;
  report.badFiles.push({ path: file.path, reason, records });
}

function fileRow(root: string, file: ScannedFile, fileId: number, records: number, badReason: string | null): string {
  return `(${quoteString(root)}, ${quoteString(file.path)}, ${file.size}, ${file.mtimeMs}, ${fileId}, ${records}, ${sqlOrNull(badReason)})`;
}

function sqlOrNull(value: string | null): string {
  return value === null ? 'NULL' : quoteString(value);
}
