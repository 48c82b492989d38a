import { mkdir, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Database } from './sql/database.ts';
import { quoteIdentifier, quoteString } from '../sql/text/quote.ts';
import { pathBelow, scanFolders, scannedFile, type FileFilter, type FolderListings, type FolderScan, type ScannedFile } from './files/scan.ts';
import { partitionKey, partitionOf, type PartitionValues } from './files/partition.ts';
import {
  badFilesIn,
  CACHE_SCHEMA,
  type CacheDiff,
  cachedFiles,
  diffWithCache,
  type CachedFile,
  ensureCatalog,
  isOtherLayout,
  type KnownFolder,
  knownFolders,
  knownRootKeys,
  recordFolders,
  registerView,
  viewsOf,
} from './cache/catalog.ts';
import { RootRecords } from './cache/records.ts';
import { SegmentStore } from './cache/segments.ts';
import { makeScratchFolder } from './cache/scratch.ts';
import { ingestFiles } from './ingest/ingest.ts';
import { viewColumns, type ColumnSet } from './ingest/read-sql.ts';
import { addIngest, emptyReport, type IngestReport } from './ingest/report.ts';
import { installSqlSupport, lockDown } from './query/setup.ts';
import { toQueryError } from './query/errors.ts';
import { readResult, type QueryResult } from './query/result.ts';
import { partitionsSelected } from './query/prune.ts';
import { columnsRead, compileForDuckDb, staticCatalog, type CatalogTable, type DuckDbQuery } from '../sql/index.ts';
import { cloudTrailTable, TRAIL_TABLES, type TrailTable, type TrailTableKind } from '../cloudtrail/index.ts';

/** The catalog name Athena gives the Glue Data Catalog, so `awsdatacatalog.db.table` resolves too. */
export const CATALOG = 'awsdatacatalog';

export interface OpenOptions {
  /**
   * Folder of the cache (`cache.duckdb` and the Parquet segments under `segments/`); default
   * `.trailsight` in the working directory; `':memory:'` keeps nothing (a temporary folder, removed on close).
   */
  cacheDir?: string;
  /**
   * Folders log files may be read from. DuckDB is locked to these and the cache folder before the
   * first query runs; roots attached before then are added. A root attached later must be inside one.
   */
  readable?: readonly string[];
  /** Keep DuckDB's progress tracking on, for `onProgress` listeners (it costs every query a little). */
  trackProgress?: boolean;
  /**
   * Store every column from the first read of a file, for a server whose queries read many different
   * columns (the endpoint's Athena, which the preview's dashboards query). By default a query stores
   * only the columns it reads, and the first query that reads another column has every loaded file
   * read again: a cold local publish over 1 M events in 101,952 files read them all twice (~60 s each).
   */
  everyColumn?: boolean;
}

export interface AttachOptions {
  /** Folder holding the logs (e.g. the `AWSLogs/` tree after `aws s3 sync`), or one log file. */
  root: string;
  /** Schema (Athena database) of the table; default `default`. */
  schema?: string;
  /** Table name; default `cloudtrail_logs` (`cloudtrail_insights` for Insights events). */
  table?: string;
  /** More names of the same table (e.g. the Glue database's as well as `default`'s): one scan serves them all. */
  alsoAs?: readonly { schema: string; table: string }[];
  /**
   * Which of a trail's tables it is: its events (`logs`, the default: every log file but those in
   * `CloudTrail-Insight/` folders) or its Insights events (`insights`: only those), with that table's columns.
   */
  records?: TrailTableKind;
  /** What `"$path"` shows for the root's files: this prefix and the path below the root (e.g. `s3://bucket/prefix/`); default the local path. */
  pathPrefix?: string;
  /** Called as files are read: `done` of `total` files. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Defer reading new files until a query needs them: a query then reads only the files of the
   * partitions its WHERE clause selects (account, region, timestamp). Default false: read all now.
   */
  lazy?: boolean;
  /** Only the files under `root` this accepts belong to the table (e.g. Athena's partition projection). */
  files?: FileFilter;
  /**
   * Trust a folder the cache listed before, when its modification time has not moved since (no
   * file was added, removed or renamed in it): its files are not listed or stat'ed again (see
   * files/scan.ts). Default true; false stats every file, to see a file rewritten in place. With
   * `files`, only folders the filter judges as it did when they were listed (see `FileFilter.acceptsFolder`).
   */
  trustFolders?: boolean;
}

export interface QueryOptions {
  /** Database unqualified table names resolve in (Athena's QueryExecutionContext.Database); default `default`. */
  database?: string;
  /** Databases that exist without an attached table (the Glue catalog's), so that a missing table is TABLE_NOT_FOUND, not SCHEMA_NOT_FOUND. */
  databases?: readonly string[];
  /** The expressions the query's `?` parameters stand for, as SQL text (Athena's ExecutionParameters). */
  parameters?: readonly string[];
  /** Progress of the files a lazy table must read before the query runs. */
  onProgress?: (done: number, total: number) => void;
}

/** What the engine has done since it was opened; lets tests prove partition pruning. */
export interface EngineCounters {
  /** Log files opened for reading (sniffed and handed to DuckDB). */
  filesOpened: number;
}

/** The log files of one table model under one root: several tables may show the same root. */
interface AttachedRoot {
  root: string;
  /** Its events or its Insights events: which files it holds and their columns. */
  model: TrailTable;
  /** The folder the logs are in (the root without its filter key). */
  folder: string;
  /** What `"$path"` shows instead of the folder. */
  pathPrefix: string | undefined;
  records: RootRecords;
  /** The partitions of every log file the scan found, with their files' bytes (what a query may have to scan). */
  partitions: readonly PartitionFiles[];
  /** Files found new or changed, not read yet (lazy attach). */
  pending: ScannedFile[];
  /** Files this run has read (the others the report counts as skipped, unchanged). */
  readNow: Set<string>;
  /** Whether its views show its segments as they are (a lazy attach leaves that to the first query). */
  viewsCurrent: boolean;
  report: IngestReport;
}

/** The files of one partition (an account's, a Region's, a day's): how many, and their bytes. */
interface PartitionFiles extends PartitionValues {
  files: number;
  bytes: number;
}

interface AttachedTable {
  schema: string;
  table: string;
  root: AttachedRoot;
}

/** Partition columns a query's conditions can prune files by. */

async function attachCache(db: Database, folder: string, file: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await db.run(`ATTACH ${quoteString(file)} AS ${CATALOG}`);
  } catch (error) {
    throw new Error(`cannot open the cache ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  await db.run(`USE ${CATALOG}`);
}

/** Cache folders open in this process. */
const openFolders = new Set<string>();

export class CloudTrailEngine {
  readonly counters: EngineCounters = { filesOpened: 0 };
  private readonly tables = new Map<string, AttachedTable>();
  /**
   * The folders the attaches since the last query listed: a trail's events and its Insights events
   * are attached one after the other over the same tree, and the second scan reads the first's
   * listings (at 1 M events, ~370 folders of 100 k files listed once, not twice). Dropped by a query.
   */
  private readonly listings: FolderListings = new Map();
  /** Folders DuckDB may read: fixed when the first query locks it down. */
  private readonly readable: Set<string>;
  private locked = false;

  private constructor(
    private readonly db: Database,
    private readonly segments: SegmentStore,
    private readonly folder: string,
    /** The folder is temporary (an in-memory cache's segments): removed on close. */
    private readonly temporary: boolean,
    readable: readonly string[],
    /** See `OpenOptions.everyColumn`. */
    private readonly everyColumn: boolean,
  ) {
    this.readable = new Set(readable.map((dir) => resolve(dir)));
  }

  static async open(options: OpenOptions = {}): Promise<CloudTrailEngine> {
    const cacheDir = options.cacheDir ?? '.trailsight';
    const inMemory = cacheDir === ':memory:';
    const folder = inMemory ? await makeScratchFolder() : resolve(cacheDir);
    const file = inMemory ? ':memory:' : join(folder, 'cache.duckdb');
    // DuckDB's file lock keeps other processes out, not a second engine of this one.
    if (openFolders.has(folder)) throw new Error(`cannot open the cache ${file}: it is already open in this process`);
    const db = await Database.open();
    openFolders.add(folder);
    try {
      await attachCache(db, folder, file);
      if (await isOtherLayout(db)) {
        // Written by another version: start afresh (dropping its tables would leave their space in the file).
        await db.run('USE memory');
        await db.run(`DETACH ${CATALOG}`);
        await Promise.all([rm(file, { force: true }), rm(`${file}.wal`, { force: true })]);
        await attachCache(db, folder, file);
      }
      await installSqlSupport(db, { folder, trackProgress: options.trackProgress ?? false });
      await ensureCatalog(db);
      const segments = new SegmentStore(join(folder, 'segments'));
      // Segments of roots the catalog does not know (a layout change dropped them) go.
      await segments.removeRootsExcept(await knownRootKeys(db));
      const engine = new CloudTrailEngine(db, segments, folder, inMemory, options.readable ?? [], options.everyColumn ?? false);
      if (options.readable) await engine.lock();
      return engine;
    } catch (error) {
      db.close();
      openFolders.delete(folder);
      if (inMemory) await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Makes `schema.table` a view over the CloudTrail files under `root`; reads only new or changed files. */
  attach(options: AttachOptions): Promise<IngestReport> {
    return this.db.exclusive(async () => {
      const folder = resolve(options.root);
      this.allowRead(folder);
      const model = TRAIL_TABLES[options.records ?? 'logs'];
      // A folder's Insights events, and a filtered view of a folder, are cached apart from its other views
      // (the cache forgets files a scan no longer lists).
      const root = [folder, ...(model.kind === 'logs' ? [] : [model.kind]), ...(options.files ? [options.files.key] : [])].join('#');
      const schema = options.schema ?? 'default';
      const table = options.table ?? model.name;
      const records = new RootRecords(this.db, this.segments, root, model);
      await records.sweep();
      const { scan, trusted, diff, trustedFolders } = await this.scanAgainstCache(root, folder, model, options);
      await records.forget(diff.stale);
      await recordFolders(this.db, root, scan.listed, trusted);
      const report = await this.scanReport(root, scan, trusted, diff, trustedFolders);
      const names = [{ schema, table }, ...(options.alsoAs ?? [])];
      for (const name of names) await registerView(this.db, name.schema, name.table, root);
      const attachedRoot: AttachedRoot = {
        root,
        model,
        folder,
        pathPrefix: options.pathPrefix,
        records,
        partitions: partitionsOf(scan.files, trustedFolders),
        pending: diff.pending,
        readNow: new Set(),
        viewsCurrent: false,
        report,
      };
      for (const [key, other] of this.tables) {
        if (other.root.root === root) this.tables.set(key, { ...other, root: attachedRoot });
      }
      for (const name of names) this.tables.set(tableKey(name.schema, name.table), { ...name, root: attachedRoot });
      // Reading files repoints the views; with nothing to read, they are pointed here; with files a
      // lazy attach left for its queries, by the first query (which most often reads them first).
      if (!options.lazy && attachedRoot.pending.length > 0) await this.readPending(attachedRoot, attachedRoot.pending, 'stored', options.onProgress);
      else if (!options.lazy || attachedRoot.pending.length === 0) await this.refreshViews(attachedRoot);
      return cloneReport(report);
    });
  }

  /**
   * The root's files on disk against the cache: the scan (trusting the folders the cache vouches
   * for, unless `trustFolders` is false), and the diff of the files it listed with the cache's.
   */
  private async scanAgainstCache(
    root: string,
    folder: string,
    model: TrailTable,
    options: AttachOptions,
  ): Promise<{ scan: FolderScan; trusted: ReadonlySet<string>; diff: CacheDiff; trustedFolders: KnownFolder[] }> {
    const known = await knownFolders(this.db, root);
    const filter = options.files;
    // A filter's verdicts may change under the same key (a projection's range ending at NOW moves
    // with the clock): a filtered folder is trusted only when the filter's verdict on it now is the
    // one its listing had (files there, or none), and never by a filter that cannot judge a folder.
    const sameVerdict = (f: KnownFolder) =>
      filter === undefined || (filter.acceptsFolder !== undefined && filter.acceptsFolder(pathBelow(folder, f.folder)) === f.files > 0);
    const trust = new Map(known.flatMap((f) => (f.complete && f.mtimeMs !== null && sameVerdict(f) ? [[f.folder, f.mtimeMs] as const] : [])));
    const scan = await scanFolders(folder, { table: model.kind, filter, trust: options.trustFolders === false ? undefined : trust, listings: this.listings });
    const trusted = new Set(scan.trusted);
    // The cache's files of every folder but the trusted ones: listed again, or gone.
    const elsewhere = new Set(known.filter((f) => f.files > 0 && !trusted.has(f.folder)).map((f) => f.folder));
    const diff = diffWithCache(scan.files, await cachedFiles(this.db, root, elsewhere));
    return { scan, trusted, diff, trustedFolders: known.filter((f) => trusted.has(f.folder)) };
  }

  /** What a scan found, as the report counts it: known bad files again, unchanged files skipped. */
  private async scanReport(
    root: string,
    scan: FolderScan,
    trusted: ReadonlySet<string>,
    diff: CacheDiff,
    trustedFolders: readonly KnownFolder[],
  ): Promise<IngestReport> {
    const report = emptyReport();
    report.filesScanned = scan.files.length + trustedFolders.reduce((n, f) => n + f.files, 0);
    report.filesSkippedUnchanged = trustedFolders.reduce((n, f) => n + f.loaded, 0);
    for (const known of [...diff.unchanged, ...(await badFilesIn(this.db, root, trusted))]) {
      if (known.badReason === null) {
        report.filesSkippedUnchanged += 1;
      } else {
        report.recordsFound += known.records;
        report.badFiles.push({ path: known.path, reason: known.badReason, records: known.records });
      }
    }
    return report;
  }

  /** The cumulative ingest report of an attached table (lazy tables grow it as queries read files). */
  report(options: { schema?: string; table?: string } = {}): IngestReport | undefined {
    const attached = this.tables.get(tableKey(options.schema ?? 'default', options.table ?? 'cloudtrail_logs'));
    return attached && cloneReport(attached.root.report);
  }

  /**
   * Runs one Athena (Trino) query over the attached tables: parsed with Trino's grammar, checked,
   * and translated to DuckDB, which runs locked to its folders. Errors are `EngineQueryError`s
   * worded as Athena's (`COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved`).
   */
  query(trinoSql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return this.db.exclusive(async () => {
      this.listings.clear();
      await this.lock();
      const { compiled, tables } = this.compile(trinoSql, options);
      // The files the query's partition predicates select: read the new ones, and count all their bytes as Athena would.
      let scannedBytes = 0;
      for (const [attached, { table, columns }] of tables) {
        const { reads, selected: needed } = await partitionsSelected(this.db, compiled, table, attached.root.partitions);
        scannedBytes += needed.reduce((sum, p) => sum + p.bytes, 0);
        const keys = new Set(needed.map(partitionKey));
        await this.readPending(
          attached.root,
          attached.root.pending.filter((f) => keys.has(partitionKey(f))),
          this.everyColumn ? undefined : storedNames(attached.root.model, columns),
          options.onProgress,
        );
        // A view the query does not read is left until a query does.
        if (!attached.root.viewsCurrent && reads) await this.refreshViews(attached.root);
      }
      try {
        const result = await readResult(await this.db.connection.run(compiled.sql), compiled.columns);
        return { ...result, scannedBytes };
      } catch (error) {
        throw toQueryError(error as Error, trinoSql);
      }
    });
  }

  /**
   * What a query would scan, without running it or reading a file: the bytes (and count) of the log
   * files its partition predicates select, as Athena counts DataScannedInBytes. Throws the
   * `EngineQueryError` the query would.
   */
  estimate(trinoSql: string, options: Pick<QueryOptions, 'database' | 'databases' | 'parameters'> = {}): Promise<{ bytes: number; files: number }> {
    return this.db.exclusive(async () => {
      const { compiled, tables } = this.compile(trinoSql, options);
      let bytes = 0;
      let files = 0;
      for (const [attached, { table }] of tables) {
        const { selected: needed } = await partitionsSelected(this.db, compiled, table, attached.root.partitions);
        bytes += needed.reduce((sum, p) => sum + p.bytes, 0);
        files += needed.reduce((sum, p) => sum + p.files, 0);
      }
      return { bytes, files };
    });
  }

  /**
   * Parses, checks and translates a query, with the columns it reads of each table. A query that
   * reads a file's size or time is translated again over the table's view that has them (a second
   * translation costs ~1 ms: the parser is warm).
   */
  private compile(
    trinoSql: string,
    options: Pick<QueryOptions, 'database' | 'databases' | 'parameters'>,
  ): {
    compiled: DuckDbQuery;
    tables: Map<AttachedTable, { table: CatalogTable; columns: ReadonlySet<string> | undefined }>;
  } {
    const database = (options.database ?? 'default').toLowerCase();
    const translate = (withFiles: (attached: AttachedTable) => boolean) => {
      const tables = new Map([...this.tables.values()].map((attached) => [attached, this.catalogTable(attached, withFiles(attached))] as const));
      let compiled: DuckDbQuery;
      try {
        compiled = compileForDuckDb(trinoSql, staticCatalog([...tables.values()], database, options.databases), options.parameters);
      } catch (error) {
        throw toQueryError(error as Error, trinoSql);
      }
      const read = new Map(
        [...tables].map(([attached, table]) => [attached, { table, columns: columnsRead(compiled.query, compiled.analysis, table) }] as const),
      );
      return { compiled, tables: read };
    };
    const first = translate(() => false);
    const readsFiles = (columns: ReadonlySet<string> | undefined) => columns === undefined || FILE_COLUMNS.some((c) => columns.has(c));
    const needing = new Set([...first.tables].filter(([, { columns }]) => readsFiles(columns)).map(([attached]) => attached));
    return needing.size === 0 ? first : translate((attached) => needing.has(attached));
  }

  /**
   * The table as the analyzer sees it: its model's columns (the events' or the Insights events'), in
   * the engine's view. The view without the files' sizes and times costs a query no join with the files table.
   */
  private catalogTable(attached: AttachedTable, withFiles: boolean): CatalogTable {
    const name = withFiles ? filesViewName(attached.table) : attached.table.toLowerCase();
    return cloudTrailTable({
      database: attached.schema,
      name: attached.table,
      relation: `${CATALOG}.${quoteIdentifier(attached.schema.toLowerCase())}.${quoteIdentifier(name)}`,
      model: attached.root.model,
    });
  }

  /** A folder of logs may be read: before the lock it joins the readable folders, after it must be inside one. */
  private allowRead(folder: string): void {
    if (!this.locked) {
      this.readable.add(folder);
      return;
    }
    const inside = [...this.readable].some((dir) => folder === dir || folder.startsWith(dir.endsWith(sep) ? dir : dir + sep));
    if (!inside) throw new Error(`cannot read logs from ${folder}: the engine reads only ${[...this.readable].join(', ')}`);
  }

  /** From here on DuckDB reads and writes only the cache folder and the readable folders, loads no extension, changes no setting. */
  private async lock(): Promise<void> {
    if (this.locked) return;
    await lockDown(this.db, [this.folder, ...this.readable]);
    this.locked = true;
  }

  async close(): Promise<void> {
    await this.db.exclusive(async () => {
      await this.db.run('CHECKPOINT').catch(() => undefined);
      this.db.close();
      openFolders.delete(this.folder);
      if (this.temporary) await rm(this.folder, { recursive: true, force: true });
    });
  }

  /**
   * Reads new files into the root's records, storing the columns `wanted` names (undefined: all of
   * them; 'stored': those its segments hold already). Every segment of a root holds the same
   * columns: the first read stores what its query reads, later reads the same, and a query that
   * reads a column the segments lack has every loaded file read again with every column (once: a
   * second cold read of the logs at most).
   */
  private async readPending(
    attached: AttachedRoot,
    files: readonly ScannedFile[],
    wanted: ColumnSet | 'stored',
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const stored = await attached.records.stored();
    const widen =
      stored.any && stored.columns !== undefined && wanted !== 'stored' && !(wanted !== undefined && [...wanted].every((c) => stored.columns!.has(c)));
    if (files.length === 0 && !widen) return;
    const columns = widen ? undefined : stored.any || wanted === 'stored' ? stored.columns : wanted;
    const reading = new Set(files);
    attached.pending = attached.pending.filter((f) => !reading.has(f));
    for (const file of files) attached.readNow.add(file.path);
    try {
      if (widen) await this.readAgain(attached, onProgress);
      this.counters.filesOpened += files.length;
      addIngest(attached.report, await ingestFiles({ db: this.db, table: attached.model, records: attached.records, columns }, files, onProgress));
      await attached.records.compact();
    } catch (error) {
      // What was committed before the failure stays visible; the failure is what gets reported.
      await this.refreshViews(attached).catch(() => undefined);
      throw error;
    }
    await this.refreshViews(attached);
  }

  /**
   * Reads every loaded file of a root again with every column, in place of the records it holds.
   * A file that fails now (a column the first read skipped is not CloudTrail's shape) is reported
   * bad and its records leave, as if it had been read whole the first time.
   */
  private async readAgain(attached: AttachedRoot, onProgress?: (done: number, total: number) => void): Promise<void> {
    const loaded = [...(await cachedFiles(this.db, attached.root)).values()].filter((f) => f.segment !== null);
    // The catalog's size and time: what the scan found (a changed or vanished file left the catalog then).
    const again = loaded.map((f) => scannedFile(f.path, f.size, f.mtimeMs));
    const before = new Map<string, CachedFile>(loaded.map((f) => [f.path, f]));
    await attached.records.forget(loaded);
    this.counters.filesOpened += again.length;
    const report = await ingestFiles({ db: this.db, table: attached.model, records: attached.records }, again, onProgress);
    for (const bad of report.badFiles) {
      const was = before.get(bad.path)?.records ?? 0;
      if (!attached.readNow.has(bad.path)) {
        attached.report.filesSkippedUnchanged -= 1;
      } else {
        attached.report.filesIngested -= 1;
        attached.report.recordsLoaded -= was;
        attached.report.recordsFound -= was;
      }
      attached.report.recordsFound += bad.records;
      attached.report.badFiles.push(bad);
    }
  }

  /** Points every view of a root (this run's and earlier runs') at its current segments. */
  private async refreshViews(attached: AttachedRoot): Promise<void> {
    attached.viewsCurrent = false;
    const source = await attached.records.source();
    const [path, ...files] = hiddenColumns(attached);
    const columns = viewColumns(attached.model);
    const statements = (await viewsOf(this.db, attached.root)).flatMap(({ schema, name }) => [
      `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`,
      `CREATE OR REPLACE VIEW ${quoteIdentifier(schema)}.${quoteIdentifier(name)} AS SELECT ${columns}, ${path} FROM ${source} AS s`,
      `CREATE OR REPLACE VIEW ${quoteIdentifier(schema)}.${quoteIdentifier(filesViewName(name))} AS SELECT ${columns}, ${[path, ...files].join(', ')} FROM ${source} AS s`,
    ]);
    // One call for them all (each call is a round trip to DuckDB's thread).
    if (statements.length > 0) await this.db.run(statements.join(';\n'));
    attached.viewsCurrent = true;
  }
}

/** The partitions of a scan's files and of the folders it trusted, with their files' count and bytes. */
function partitionsOf(files: readonly ScannedFile[], trusted: readonly { folder: string; files: number; bytes: number }[]): PartitionFiles[] {
  const partitions = new Map<string, PartitionFiles>();
  const add = (values: PartitionValues, count: number, bytes: number) => {
    const key = partitionKey(values);
    const partition = partitions.get(key);
    if (partition) {
      partition.files += count;
      partition.bytes += bytes;
    } else {
      partitions.set(key, { account: values.account, region: values.region, timestamp: values.timestamp, files: count, bytes });
    }
  };
  for (const file of files) add(file, 1, file.size);
  // Every file of a folder has the folder's partition values (they come from the path's folders).
  // The folders are the scan's own absolute paths: no `join` (it normalizes each path, ~20 µs apiece in a fresh process).
  for (const folder of trusted) add(partitionOf(`${folder.folder}${sep}_`), folder.files, folder.bytes);
  return [...partitions.values()];
}

/** The hidden columns read from the files table (a join per query): only the `filesViewName` view has them. */
const FILE_COLUMNS = ['$file_size', '$file_modified_time'];

/**
 * The name of a table's view that also has the files' sizes and times (no Athena SQL can name it:
 * the catalog lists only the table). DuckDB cannot drop a scalar subquery a query does not read
 * (it must fail on a second row), so every query over a view that had them joined the files
 * table twice: at 1 M events in 100 k files, +660 MB and ~1 s for a count(*).
 */
function filesViewName(table: string): string {
  return `${table.toLowerCase()}$files`;
}

/**
 * Athena's hidden columns: the file a record came from (as an s3:// URI where the root stands for
 * one), its size and modification time.
 */
function hiddenColumns(attached: AttachedRoot): string[] {
  const path = attached.pathPrefix === undefined ? 's._path' : `${quoteString(attached.pathPrefix)} || substr(s._path, ${attached.folder.length + 2})`;
  const file = `FROM ${CACHE_SCHEMA}.files AS f WHERE f.root = ${quoteString(attached.root)} AND f.path = s._path`;
  return [`${path} AS "$path"`, `(SELECT f.size ${file}) AS "$file_size"`, `(SELECT to_timestamp(f.mtime / 1000) ${file}) AS "$file_modified_time"`];
}

/** The stored columns among those a query reads (partitions and hidden columns are always there), the table's markers added. */
function storedNames(model: TrailTable, read: ReadonlySet<string> | undefined): ColumnSet {
  if (read === undefined) return undefined;
  const stored = new Set(model.columns.map((c) => c.name));
  return new Set([...[...read].filter((name) => stored.has(name)), ...model.markers]);
}

function tableKey(schema: string, table: string): string {
  return `${schema.toLowerCase()}.${table.toLowerCase()}`;
}

function cloneReport(report: IngestReport): IngestReport {
  return { ...report, badFiles: report.badFiles.map((b) => ({ ...b })) };
}
