/** Turning a failed read into a reason a person understands, and counting what a bad file holds. */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { Database } from '../sql/database.ts';
import { literalSql, type Compression, type LogFormat } from './read-sql.ts';

/** Whether a DuckDB error message names this file (`… in file "<path>" …`). */
export function fileNamedIn(message: string, path: string): boolean {
  return message.includes(`file "${path}"`);
}

/** Whether an error can come from a file's content (as opposed to a mistake in the SQL, or the machine). */
export function isReadError(message: string): boolean {
  return /^(Invalid Input|IO|Conversion|Out of Range) Error/.test(message) && !isMachineError(message);
}

/** A full disk, a missing permission or DuckDB's spill files: no log file is to blame. */
function isMachineError(message: string): boolean {
  return /No space left on device|Disk quota exceeded|Permission denied|Read-only file system|duckdb_temp_storage|temp(orary)? file/i.test(message);
}

/** A short reason from a DuckDB read error, without the path, hints or SQL excerpt. */
export async function describeReadError(message: string, path: string): Promise<string> {
  if (path.endsWith('.gz') || (await isGzip(path))) {
    const gzipProblem = await gzipIntegrity(path);
    if (gzipProblem) return gzipProblem;
  }
  const firstLine = (message.split('\n')[0] ?? '').trim();
  const reason = firstLine
    .replace(/^[A-Za-z ]+ Error: /, '')
    .replace(` in file "${path}"`, '')
    .replace(/,? in record\/value \d+/, '')
    .replace(/^Malformed JSON,?/, 'invalid JSON')
    .replace(/^JSON transform error,?/, 'not the CloudTrail record shape')
    .trim();
  return reason || firstLine;
}

async function isGzip(path: string): Promise<boolean> {
  const stream = createReadStream(path, { start: 0, end: 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const head = Buffer.concat(chunks);
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** Decompresses the whole file and returns what is wrong with the gzip stream, or null when it is sound. */
async function gzipIntegrity(path: string): Promise<string | null> {
  try {
    await pipeline(createReadStream(path), createGunzip(), new Writable({ write: (_chunk, _enc, done) => done() }));
    return null;
  } catch (error) {
    const message = (error as Error).message;
    return /unexpected end/i.test(message) ? 'truncated gzip (unexpected end of file)' : `corrupt gzip (${message})`;
  }
}

/**
 * How many records a file that failed to load holds, read leniently (every record as untyped JSON).
 * 0 when even that fails (truncated or invalid JSON: its records cannot be counted).
 */
export async function countRecords(db: Database, path: string, format: LogFormat, compression: Compression): Promise<number> {
  const options = `compression = '${compression === 'gzip' ? 'gzip' : 'uncompressed'}', maximum_object_size = 2147483647`;
  const sql =
    format === 'envelope'
      ? `SELECT coalesce(sum(json_array_length("Records")), 0) AS n FROM read_json(${literalSql(path)}, columns = {'Records': 'JSON'}, format = 'unstructured', ${options})`
      : `SELECT count(*) AS n FROM read_json(${literalSql(path)}, columns = {'eventVersion': 'JSON'}, format = '${format === 'array' ? 'array' : 'auto'}', ${options})`;
  try {
    const [row] = await db.objects<{ n: number }>(sql);
    return Number(row?.n ?? 0);
  } catch {
    return 0;
  }
}
