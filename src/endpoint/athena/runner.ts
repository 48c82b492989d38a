import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EngineQueryError } from '../../engine/index.ts';
import { databasesKey, type GlueDatabase, type GlueTable } from '../glue/keys.ts';
import { parseQuery, tableReferences } from '../../sql/index.ts';
import { findTable } from '../glue/tables.ts';
import type { ServiceContext } from '../service.ts';
import type { EngineHost } from './engine-host.ts';
import type { ExecutionRecord } from './execution-record.ts';
import { executionKey, resultKey } from './keys.ts';
import { toCsv } from './result-format.ts';
import { boundedMessage, boundedRows, ResultLimitError } from './result-limits.ts';
import { containedRealPath } from '../../files/contained-path.ts';
import { invalidRequest } from './errors.ts';
import { s3ToPath } from './s3-path.ts';

/** A finished query's result as stored: Athena column types and every value as Athena's text. */
export interface StoredResult {
  columns: { name: string; type: string }[];
  rows: (string | null)[][];
}

/**
 * The Glue tables a query names, resolved as Athena resolves them (the context's database for `t`,
 * `db.t`, `awsdatacatalog.db.t`), and the databases the catalog has. A query that does not parse
 * names none: the engine reports its syntax error.
 */
async function catalogFor(context: ServiceContext, sql: string, database: string): Promise<{ tables: GlueTable[]; databases: string[] }> {
  let names: string[][] = [];
  try {
    names = tableReferences(parseQuery(sql).query).map((t) => t.name.parts.map((p) => p.value.toLowerCase()));
  } catch {
    names = [];
  }
  const tables: GlueTable[] = [];
  for (const parts of names) {
    if (parts.length > 3 || (parts.length === 3 && parts[0] !== 'awsdatacatalog')) continue;
    const db = parts.length >= 2 ? parts[parts.length - 2]! : database;
    const name = parts[parts.length - 1]!;
    if (tables.some((t) => t.DatabaseName === db && t.Name === name)) continue;
    const found = await findTable(context, db, name);
    if (found) tables.push(found);
  }
  const databases = (await context.store.list<GlueDatabase>(databasesKey(context.settings.account, context.region))).map((d) => d.Name);
  return { tables, databases };
}

/** Runs a QUEUED execution to its end: RUNNING, then SUCCEEDED with its result and CSV, or FAILED. */
export async function runExecution(context: ServiceContext, host: EngineHost, id: string): Promise<void> {
  const key = executionKey(context.settings.account, context.region, id);
  const change = (fn: (r: ExecutionRecord) => boolean) =>
    context.store.transact(async (tx) => {
      const record = await tx.get<ExecutionRecord>(key);
      if (record && fn(record)) tx.put(key, record);
      return record;
    });
  const started = await change((r) => {
    if (r.State !== 'QUEUED') return false;
    r.State = 'RUNNING';
    r.StartedAt = Date.now();
    return true;
  });
  if (started?.State !== 'RUNNING') return;
  try {
    const sql = started.Query;
    const database = started.QueryExecutionContext.Database;
    const { tables, databases } = await catalogFor(context, sql, database);
    const result = await host.query({ sql, database, tables, databases, parameters: started.ExecutionParameters ?? [] });
    // Each row within Athena's 32 MB, the whole within the endpoint's bound (result-limits.ts): checked before any copy is made.
    const stored: StoredResult = { columns: result.columns, rows: boundedRows(result.columns, result.rows) };
    const csv = toCsv(stored.columns, stored.rows);
    const file = s3ToPath(context.settings.s3Root, started.ResultConfiguration.OutputLocation);
    if (file) {
      // Never through a link under the S3 root to a file outside it.
      if (!(await containedRealPath(context.settings.s3Root, file))) {
        throw invalidRequest(
          `Cannot write the query result to ${started.ResultConfiguration.OutputLocation}: a symbolic link under the endpoint's S3 root leads out of it.`,
        );
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, csv);
    }
    await context.store.transact((tx) => tx.put(resultKey(context.settings.account, context.region, id), stored));
    await change((r) => {
      if (r.State !== 'RUNNING') return false;
      r.State = 'SUCCEEDED';
      r.CompletionDateTime = Date.now();
      r.DataScannedInBytes = result.scannedBytes ?? 0;
      return true;
    });
  } catch (error) {
    const user = error instanceof EngineQueryError || error instanceof ResultLimitError || (error as { name?: string }).name === 'InvalidRequestException';
    const message = boundedMessage((error as Error).message);
    await change((r) => {
      if (r.State !== 'RUNNING') return false;
      r.State = 'FAILED';
      r.StateChangeReason = message;
      r.AthenaError = { ErrorCategory: user ? 2 : 1, Retryable: !user, ErrorMessage: message };
      r.CompletionDateTime = Date.now();
      return true;
    });
  }
}
