import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import cliProgress from 'cli-progress';
import { CloudTrailEngine, EngineQueryError, type IngestReport, type QueryResult } from '../../engine/index.ts';
import { renderCsv, renderTable, rowObjects } from '../../engine/query/render.ts';
import { OwnedFolder } from '../../files/owned-folder.ts';
import { storageFailure } from '../../files/storage-failure.ts';
import { UserError } from '../errors.ts';
import { printErr } from '../output.ts';
import { terminalJson, terminalText } from '../../text/terminal.ts';

interface QueryOptions {
  logs?: string;
  sql: string;
  format: 'table' | 'json' | 'csv';
  cache: string;
  rescan?: boolean;
  database?: string;
  target?: string;
  maxScan: string;
  yes?: boolean;
}

/** A progress bar on a terminal; nothing when stderr is piped. */
function progress(): { update: (done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'reading logs [{bar}] {value}/{total} files', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (total < 20) return;
      if (!started) bar.start(total, done);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

function reportBadFiles(report: IngestReport | undefined): void {
  if (!report || report.badFiles.length === 0) return;
  for (const bad of report.badFiles) printErr(`trailsight: skipped ${terminalText(bad.path)}: ${terminalText(bad.reason)}\n`);
  printErr(
    `trailsight: ${report.badFiles.length} bad file(s) skipped; ${report.recordsLoaded} records loaded now, ${report.badFiles.reduce((n, b) => n + b.records, 0)} in skipped files\n`,
  );
}

/** A table the logs are served as: the trail's events, or its Insights events. */
interface ServedTable {
  readonly database: string;
  readonly table: string;
  readonly records: 'logs' | 'insights';
}

/**
 * Where the logs are served: `default.cloudtrail_logs` and `default.cloudtrail_insights`, the Project's
 * Glue tables (`glue.table`, `glue.insightsTable`) in its database, `--database`'s `cloudtrail_logs`
 * and `cloudtrail_insights`.
 */
function servedNames(database: string | undefined): ServedTable[] {
  const both = (db: string): ServedTable[] => [
    { database: db, table: 'cloudtrail_logs', records: 'logs' },
    { database: db, table: 'cloudtrail_insights', records: 'insights' },
  ];
  const names = [...both('default'), ...projectTables(), ...(database ? both(database) : [])];
  return names.filter(
    (n, i) => names.findIndex((m) => m.database.toLowerCase() === n.database.toLowerCase() && m.table.toLowerCase() === n.table.toLowerCase()) === i,
  );
}

/** The Project's `glue.database` and its two tables, when a Project is in dashboards/ (read as plain YAML: no spec is needed to query). */
function projectTables(): ServedTable[] {
  const folder = 'dashboards';
  if (!existsSync(folder)) return [];
  const glueName = (name: unknown, otherwise: string) => (typeof name === 'string' && /^[a-z0-9_]+$/i.test(name) ? name : otherwise);
  // The Project's own file first: parsing every spec (the first YAML a process parses is slow) cost a query ~0.1 s.
  const likely = (f: string) => (/^project\.ya?ml$/.test(f) ? 0 : 1);
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort((a, b) => likely(a) - likely(b) || (a < b ? -1 : a > b ? 1 : 0))) {
    try {
      const doc = parse(readFileSync(join(folder, file), 'utf8')) as {
        kind?: unknown;
        glue?: { database?: unknown; table?: unknown; insightsTable?: unknown };
      };
      const { database, table, insightsTable } = doc?.glue ?? {};
      if (doc?.kind === 'Project' && typeof database === 'string' && /^[a-z0-9_]+$/i.test(database)) {
        return [
          { database, table: glueName(table, 'cloudtrail_logs'), records: 'logs' },
          { database, table: glueName(insightsTable, 'cloudtrail_insights'), records: 'insights' },
        ];
      }
    } catch {
      // Not this file: the Project is optional here.
    }
  }
  return [];
}

/** One line naming the cache folder when the machine's storage failed it (a full disk); undefined for any other failure. */
function cacheFailure(error: unknown, cache: string): UserError | undefined {
  const reason = storageFailure(error);
  return reason === undefined
    ? undefined
    : new UserError(`cannot write the query cache ${resolve(cache)}: ${reason} (free some space there, or pass --cache with a folder on another disk)`);
}

/** A result in one of the formats `query` prints (the same for the local engine and a target's Athena). */
export function renderResult(result: QueryResult, format: QueryOptions['format']): string {
  return format === 'json' ? `${terminalJson(JSON.stringify(rowObjects(result), null, 2))}\n` : format === 'csv' ? renderCsv(result) : renderTable(result);
}

/** `trailsight query` (declared in ../commands/query.ts). */
export async function run(flags: QueryOptions): Promise<void> {
  // On a target's Athena: the AWS SDK's path, loaded only then.
  if (flags.target !== undefined) return (await import('./query-target.ts')).run({ ...flags, target: flags.target });
  if (flags.logs === undefined) throw new UserError("query: --logs DIR (the logs to query here) or --target T (a target's Athena) is needed", 2);
  const options = { ...flags, logs: flags.logs };
  if (!existsSync(options.logs)) throw new UserError(`--logs ${options.logs}: no such file or folder`, 2);
  // The engine deletes its own files in the cache folder (`.trailsight` by default, which a
  // repository may bring as a link): never through a link.
  if (options.cache !== ':memory:') await (await OwnedFolder.open(options.cache)).assertNoLinks();
  const opening = CloudTrailEngine.open({ cacheDir: options.cache, readable: [options.logs], trackProgress: process.stderr.isTTY }).catch((error: Error) => {
    throw cacheFailure(error, options.cache) ?? new UserError(error.message);
  });
  // Read while DuckDB opens the cache on its own thread.
  const names = servedNames(options.database);
  const engine = await opening;
  const bar = progress();
  let failure: unknown;
  try {
    // One scan per table of the trail, whatever the names it is served under.
    for (const records of ['logs', 'insights'] as const) {
      const [first, ...more] = names.filter((n) => n.records === records).map((n) => ({ schema: n.database, table: n.table }));
      if (first) await engine.attach({ root: options.logs, ...first, alsoAs: more, records, lazy: true, trustFolders: !options.rescan });
    }
    const database = options.database ?? 'default';
    const result = await engine.query(options.sql, { database, onProgress: bar.update }).finally(bar.stop);
    reportBadFiles(engine.report());
    reportBadFiles(engine.report({ table: 'cloudtrail_insights' }));
    process.stdout.write(renderResult(result, options.format));
    process.exitCode = 0;
  } catch (error) {
    failure = error;
  }
  // Closing checkpoints the cache: on a full disk that fails too, and must not hide the first failure.
  const closing = await engine.close().then(
    () => undefined,
    (error: unknown) => error,
  );
  const error = failure ?? closing;
  if (error === undefined) return;
  throw cacheFailure(error, options.cache) ?? (error instanceof EngineQueryError ? new UserError(error.message) : error);
}
