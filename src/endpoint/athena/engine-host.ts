import { mkdir } from 'node:fs/promises';
import { CloudTrailEngine, EngineQueryError, type QueryResult } from '../../engine/index.ts';
import type { GlueTable } from '../glue/keys.ts';
import { invalidRequest } from './errors.ts';
import { projectionFailure, tableFiles } from './projection/table-files.ts';
import { containedRealPath } from '../../files/contained-path.ts';
import { storageFailure, type StorageFailure } from '../../files/storage-failure.ts';
import { s3Location, type S3Mount } from './s3-path.ts';
import { isCloudTrailTable, tableLocation, trailTableOf } from './table-location.ts';

/**
 * How long an attached table's file listing is trusted before a query rescans it for new logs: 2 s,
 * or 10 times what the last scan took, so that rescanning a large trail (100 k files: ~1 s of stats)
 * never takes more than a tenth of the endpoint's time.
 */
const RESCAN_MS = 2000;
const SCAN_SHARE = 10;

/**
 * The DuckDB engine behind Athena: opened on the first query, with each Glue table a query may
 * name attached (lazily: files are read when a query's partitions need them) as `"db"."table"`.
 */
export interface EngineHostOptions {
  readonly cacheDir: string;
  readonly s3Root: string;
  /** Bucket prefixes read from folders of the embedding process's choosing (see `S3Mount`). */
  readonly s3Mounts?: readonly S3Mount[];
  readonly log: (line: string) => void;
  /** Told once about each log file a query found unreadable and skipped (it is also logged). */
  readonly onBadLogFile?: (file: BadLogFile) => void;
  /** Told when a query failed because the query cache could not be written (a full disk): no query will do better. */
  readonly onStorageFailure?: (failure: StorageFailure) => void;
}

/** A query as Athena received it, with the Glue tables it names and the databases there are. */
export interface HostedQuery {
  readonly sql: string;
  /** The execution context's database. */
  readonly database: string;
  readonly tables: readonly GlueTable[];
  readonly databases: readonly string[];
  /** ExecutionParameters: the expressions the query's `?`s stand for. */
  readonly parameters: readonly string[];
}

export interface BadLogFile {
  readonly path: string;
  readonly reason: string;
}

export class EngineHost {
  private engine?: Promise<CloudTrailEngine>;
  private readonly attached = new Map<string, { schema: string; table: string; version: string; scannedAt: number; trustedMs: number }>();
  private readonly announced = new Set<string>();
  private readonly cacheDir: string;
  private readonly s3Root: string;
  private readonly log: (line: string) => void;

  constructor(private readonly options: EngineHostOptions) {
    ({ cacheDir: this.cacheDir, s3Root: this.s3Root, log: this.log } = options);
  }

  /**
   * Attaches (or refreshes) the tables the query names, then runs it. Throws `EngineQueryError` for
   * a failing query, and for a table it names whose partition projection Athena would refuse.
   */
  async query(request: HostedQuery): Promise<QueryResult> {
    try {
      return await this.attachAndRun(request);
    } catch (error) {
      // The machine's fault, not the query's: the embedding process may have to fail for it.
      const reason = storageFailure(error);
      if (reason) this.options.onStorageFailure?.({ path: this.cacheDir, reason });
      throw error;
    }
  }

  private async attachAndRun(request: HostedQuery): Promise<QueryResult> {
    const engine = await this.open();
    for (const table of request.tables) await this.attach(engine, table);
    try {
      return await engine.query(request.sql, { database: request.database, databases: request.databases, parameters: request.parameters });
    } finally {
      this.announceBadFiles(engine);
    }
  }

  /** Logs (once each) the files the attached tables' ingest reported unreadable and skipped. */
  private announceBadFiles(engine: CloudTrailEngine): void {
    for (const { schema, table } of this.attached.values()) {
      for (const bad of engine.report({ schema, table })?.badFiles ?? []) {
        if (this.announced.has(bad.path)) continue;
        this.announced.add(bad.path);
        this.log(`skipped an unreadable log file: ${bad.path}: ${bad.reason}`);
        this.options.onBadLogFile?.({ path: bad.path, reason: bad.reason });
      }
    }
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
        return await CloudTrailEngine.open({ cacheDir: this.cacheDir, readable: this.readable(), everyColumn: true });
      } catch (error) {
        // Another server on the same state directory holds the cache: keep this one in memory.
        this.log(`query cache ${this.cacheDir} unavailable (${(error as Error).message}); caching in memory`);
        return CloudTrailEngine.open({ cacheDir: ':memory:', readable: this.readable(), everyColumn: true });
      }
    })();
    return this.engine;
  }

  /** The only folders the engine's DuckDB may read log files from: the S3 root and the mounts. */
  private readable(): string[] {
    return [this.s3Root, ...(this.options.s3Mounts ?? []).map((m) => m.dir)];
  }

  /**
   * Attaches a CloudTrail table the query names (again if it changed or was scanned a while ago)
   * over the files its partition projection points at; false for other tables. Bad projection
   * properties fail the query, as Athena does.
   */
  private async attach(engine: CloudTrailEngine, table: GlueTable): Promise<boolean> {
    const name = `${table.DatabaseName}.${table.Name}`;
    const version = `${table.VersionId}@${table.UpdateTime}`;
    const known = this.attached.get(name);
    if (known && known.version === version && Date.now() - known.scannedAt < known.trustedMs) return true;
    if (!isCloudTrailTable(table)) return false; // left unattached: a query naming it fails as Athena would for an unreadable table
    const started = Date.now();
    const files = tableFiles(table, new Date());
    if (files.kind === 'invalid') {
      const message = projectionFailure(name, files.problems);
      throw new EngineQueryError(message, 'INVALID_TABLE_PROPERTY', undefined, undefined, message);
    }
    const location = tableLocation(table);
    const where = location ? s3Location(location, { s3Root: this.s3Root, mounts: this.options.s3Mounts }) : undefined;
    if (!where) throw invalidRequest(`Table ${name}: location ${location ?? '(none)'} is not an s3:// URI inside the endpoint's S3 root.`);
    // A link under the S3 root (or a mount) must not take the engine, or the folder made for it, elsewhere.
    if (!(await containedRealPath(where.within, where.path)))
      throw invalidRequest(`Table ${name}: location ${location} leads out of ${where.within} through a symbolic link.`);
    const root = where.path;
    // A mount is the user's folder: read as it is, nothing created in it.
    if (!where.mounted) await mkdir(root, { recursive: true });
    const filter = files.kind === 'projected' ? files.files : undefined;
    const pathPrefix = location!.replace(/\/?$/, '/');
    await engine.attach({ root, schema: table.DatabaseName, table: table.Name, records: trailTableOf(table), lazy: true, files: filter, pathPrefix });
    const scannedAt = Date.now();
    this.attached.set(name, {
      schema: table.DatabaseName,
      table: table.Name,
      version,
      scannedAt,
      trustedMs: Math.max(RESCAN_MS, SCAN_SHARE * (scannedAt - started)),
    });
    return true;
  }
}
