/**
 * `trailsight query --target T --sql …`: the question goes to a target's Athena when one machine is
 * not enough. The SQL must pass the same gate as on the local engine (Trino's grammar, Athena's
 * functions and types, the CloudTrail table) before anything is sent; the bytes its partition
 * predicates select are printed first (from the log files' sizes where the logs are local, else from
 * S3 listings of the partitions Athena's projection would read), and a scan over --max-scan (or one
 * that cannot be told) runs only when the user says so.
 */
import { createInterface } from 'node:readline/promises';
import { createReadClients, destroyClients } from '../../aws/clients.ts';
import { bytesUnderPrefixes } from '../../aws/log-listing.ts';
import { cloudTrailTable, INSIGHTS_TABLE, LOGS_TABLE, type TrailTable } from '../../cloudtrail/index.ts';
import { partitionKeyPrefix, projectedPartitions } from '../../compile/index.ts';
import type { DesiredResource } from '../../kinds/index.ts';
import { CloudTrailEngine, EngineQueryError, partitionsNeeded, type QueryResult } from '../../engine/index.ts';
import { toQueryError } from '../../engine/query/errors.ts';
import { QueryFailed, runAthenaQuery } from '../../preview/query/athena-runner.ts';
import { compileForDuckDb, staticCatalog, type DuckDbQuery } from '../../sql/index.ts';
import type { OpenTarget } from '../../targets/index.ts';
import { openSession } from '../pipeline.ts';
import { terminalText } from '../../text/terminal.ts';
import { UserError } from '../errors.ts';
import { printErr } from '../output.ts';
import { renderResult } from './query.ts';

interface TargetQueryOptions {
  target: string;
  logs?: string;
  sql: string;
  format: 'table' | 'json' | 'csv';
  maxScan: string;
  yes?: boolean;
}

const UNITS: Record<string, number> = { '': 1, B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30, TIB: 2 ** 40 };

/** `10GB`, `500 MB`, `1.5TiB`, `0` → bytes (decimal units as Athena bills them; the binary ones too). */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?\s*$/i.exec(text);
  if (!match) throw new UserError(`--max-scan ${JSON.stringify(text)}: a size such as 500MB, 10GB or 1TB`, 2);
  return Number(match[1]) * UNITS[(match[2] ?? '').toUpperCase()];
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** The Project's two tables (its events', its Insights events') and the workgroup its queries run in, as compiled for the target. */
function athenaNames(resources: readonly DesiredResource[]): {
  database: string;
  table: string;
  insightsTable: string | undefined;
  workGroup: string | undefined;
} {
  const tables = resources.flatMap((r) => (r.kind === 'GlueTable' ? [r] : []));
  const events = tables.find((t) => t.records === 'logs');
  if (!events) throw new UserError('query: the Project compiles no Glue table for this target');
  const [database, name] = events.id.split('.');
  const insights = tables.find((t) => t.records === 'insights')?.id.split('.')[1];
  const workGroup = resources.find((r) => r.kind === 'WorkGroup')?.id ?? dataSourceWorkGroup(resources);
  return { database, table: name, insightsTable: insights, workGroup };
}

function dataSourceWorkGroup(resources: readonly DesiredResource[]): string | undefined {
  const input = resources.find((r) => r.kind === 'DataSource')?.input as { DataSourceParameters?: { AthenaParameters?: { WorkGroup?: string } } } | undefined;
  return input?.DataSourceParameters?.AthenaParameters?.WorkGroup;
}

/** What the query scans of logs on this machine: the files its partition predicates select. */
async function localScan(
  logsDir: string,
  sql: string,
  database: string,
  table: string,
  insightsTable: string | undefined,
): Promise<{ bytes: number; files: number }> {
  const engine = await CloudTrailEngine.open({ cacheDir: ':memory:', readable: [logsDir] });
  try {
    await engine.attach({ root: logsDir, schema: database, table, lazy: true });
    if (insightsTable) await engine.attach({ root: logsDir, schema: database, table: insightsTable, records: 'insights', lazy: true });
    return await engine.estimate(sql, { database });
  } finally {
    await engine.close();
  }
}

interface Scan {
  readonly bytes: number;
  readonly files: number;
  /** False when the listing stopped once past --max-scan: the scan is at least `bytes`. */
  readonly complete: boolean;
  readonly from: string;
}

/** One of the trail's tables a query may read: its catalog entry and its model (the folder its files are in). */
interface TableRead {
  readonly catalog: ReturnType<typeof cloudTrailTable>;
  readonly model: TrailTable;
}

/**
 * What the query scans of logs in S3: for each of the trail's tables, the partitions of its projection
 * the query's predicates select (as Athena chooses them), each listed and summed; listing stops once
 * past `maxScan`. Why not, when the bucket cannot be listed.
 */
async function s3Scan(open: OpenTarget, compiled: DuckDbQuery, tables: readonly TableRead[], maxScan: number): Promise<Scan | string> {
  const source = open.specs.project.spec.source;
  const candidates = projectedPartitions(source, new Date());
  const needed = await partitionsNeeded(
    compiled,
    tables.map((table) => table.catalog),
    candidates,
  );
  const prefixes = tables.flatMap((table, i) => (needed[i] ?? []).map((partition) => partitionKeyPrefix(source, partition, table.model.folder)));
  const from = `${prefixes.length} account/Region/day partition(s), of ${candidates.length} per table, listed in s3://${source.bucket}`;
  const read = createReadClients(open.connection);
  try {
    return { ...(await bytesUnderPrefixes(read.s3, source.bucket, prefixes, maxScan)), from };
  } catch (error) {
    return `listing s3://${source.bucket} failed: ${(error as Error).name}: ${(error as Error).message}`;
  } finally {
    destroyClients(read);
  }
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function run(options: TargetQueryOptions): Promise<void> {
  const maxScan = parseSize(options.maxScan);
  const note = (line: string) => printErr(`${line}\n`);
  const { open, resources } = await openSession({ paths: [], target: options.target, logs: options.logs, note });
  try {
    const { database, table, insightsTable, workGroup } = athenaNames(resources);
    // The gate: only what Athena would run leaves this machine (a SqlError worded as Athena's).
    const tablesRead: TableRead[] = [
      { catalog: cloudTrailTable({ database, name: table, relation: '' }), model: LOGS_TABLE },
      ...(insightsTable ? [{ catalog: cloudTrailTable({ database, name: insightsTable, relation: '', model: INSIGHTS_TABLE }), model: INSIGHTS_TABLE }] : []),
    ];
    let compiled: DuckDbQuery;
    try {
      compiled = compileForDuckDb(
        options.sql,
        staticCatalog(
          tablesRead.map((t) => t.catalog),
          database,
        ),
      );
    } catch (error) {
      throw new UserError(toQueryError(error as Error, options.sql).message);
    }
    const where = `${open.description}, workgroup ${workGroup ?? '(the default)'}, database ${database}`;
    const found = open.local
      ? {
          ...(await localScan(open.local.logsDir, options.sql, database, table, insightsTable)),
          complete: true,
          from: `the logs in ${terminalText(open.local.logsDir)}`,
        }
      : await s3Scan(open, compiled, tablesRead, maxScan);
    const scan = typeof found === 'string' ? undefined : found;
    if (scan)
      note(
        `query: scans ${scan.complete ? '' : 'over '}${formatBytes(scan.bytes)} in ${scan.complete ? '' : 'over '}${scan.files} log file(s) (its partition predicates: ${scan.from}) on ${where}`,
      );
    else note(`query: on ${where}; the bytes it scans cannot be told (${terminalText(String(found))}): counted as over --max-scan`);
    if ((scan === undefined || scan.bytes > maxScan) && !options.yes) {
      const what = scan ? `${scan.complete ? '' : 'over '}${formatBytes(scan.bytes)}, over --max-scan ${formatBytes(maxScan)}` : 'an unknown amount';
      if (!process.stdin.isTTY)
        throw new UserError(`query: not run: it would scan ${what}; narrow it by account, region or timestamp, raise --max-scan, or pass --yes`);
      if (!(await confirm(`query: it would scan ${what}. Run it? [y/N] `))) throw new UserError('query: not run');
    }
    let result: QueryResult;
    try {
      const athena = await runAthenaQuery(open.clients.athena, options.sql, { database, ...(workGroup ? { workGroup } : {}) });
      result = { columns: athena.columns.map((c) => ({ name: c.Name ?? '', type: c.Type ?? 'varchar' })), rows: athena.rows };
    } catch (error) {
      if (error instanceof QueryFailed || error instanceof EngineQueryError) throw new UserError(`query ${error.message}`);
      throw error;
    }
    process.stdout.write(renderResult(result, options.format));
    process.exitCode = 0;
  } finally {
    await open.close();
  }
}
