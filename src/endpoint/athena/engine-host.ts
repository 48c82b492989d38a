import { mkdir } from 'node:fs/promises';
import { CloudTrailEngine, EngineQueryError, type QueryResult } from '../../engine/index.ts';
import type { GlueTable } from '../glue/keys.ts';
import { invalidRequest } from './errors.ts';
import { projectionFailure, tableFiles } from './projection/table-files.ts';
import { s3ToPath } from './s3-path.ts';
import { namesTable } from './sql-text.ts';
import { isCloudTrailTable, tableLocation } from './table-location.ts';

/** How long an attached table's file listing is trusted before a query rescans it for new logs. */
const RESCAN_MS = 2000;

/**
 * The DuckDB engine behind Athena: opened on the first query, with each Glue table a query may
 * name attached (lazily: files are read when a query's partitions need them) as `"db"."table"`.
 */
export class EngineHost {
  private engine?: Promise<CloudTrailEngine>;
  private readonly attached = new Map<string, { version: string; scannedAt: number }>();

  constructor(
    private readonly cacheDir: string,
    private readonly s3Root: string,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Attaches (or refreshes) the tables, then runs the SQL. Throws `EngineQueryError` for a failing
   * query, and for a table it names whose partition projection Athena would refuse.
   */
  async query(sql: string, database: string, tables: readonly GlueTable[]): Promise<QueryResult> {
    const engine = await this.open();
    let schemaExists = false;
    for (const table of tables) {
      const attached = await this.attach(engine, table, namesTable(sql, table.Name));
      schemaExists ||= attached && table.DatabaseName === database;
    }
    // The engine knows a database once one of its tables is attached; until then names resolve in `main`.
    return engine.query(sql, schemaExists ? { database } : {});
  }

  async close(): Promise<void> {
    const engine = await this.engine?.catch(() => undefined);
    this.engine = undefined;
    await engine?.close();
  }

  private open(): Promise<CloudTrailEngine> {
    this.engine ??= (async () => {
      try {
        await mkdir(this.cacheDir, { recursive: true });
        return await CloudTrailEngine.open({ cacheDir: this.cacheDir });
      } catch (error) {
        // Another server on the same state directory holds the cache: keep this one in memory.
        this.log(`query cache ${this.cacheDir} unavailable (${(error as Error).message}); caching in memory`);
        return CloudTrailEngine.open({ cacheDir: ':memory:' });
      }
    })();
    return this.engine;
  }

  /**
   * Attaches a CloudTrail table (again if it changed or was scanned a while ago) over the files its
   * partition projection points at; false for other tables. Bad projection properties fail the
   * query when it names the table (`named`), as Athena does, and leave the table out otherwise.
   */
  private async attach(engine: CloudTrailEngine, table: GlueTable, named: boolean): Promise<boolean> {
    const name = `${table.DatabaseName}.${table.Name}`;
    const version = `${table.VersionId}@${table.UpdateTime}`;
    const known = this.attached.get(name);
    if (known && known.version === version && Date.now() - known.scannedAt < RESCAN_MS) return true;
    if (!isCloudTrailTable(table)) return false; // left unattached: a query naming it fails as Athena would for an unreadable table
    const files = tableFiles(table, new Date());
    if (files.kind === 'invalid') {
      if (!named) return false;
      const message = projectionFailure(name, files.problems);
      throw new EngineQueryError(message, 'INVALID_TABLE_PROPERTY', undefined, undefined, message);
    }
    const location = tableLocation(table);
    const root = location && s3ToPath(this.s3Root, location);
    if (!root) throw invalidRequest(`Table ${name}: location ${location ?? '(none)'} is not an s3:// URI inside the endpoint's S3 root.`);
    await mkdir(root, { recursive: true });
    const filter = files.kind === 'projected' ? files.files : undefined;
    await engine.attach({ root, schema: table.DatabaseName, table: table.Name, lazy: true, files: filter });
    this.attached.set(name, { version, scannedAt: Date.now() });
    return true;
  }
}
