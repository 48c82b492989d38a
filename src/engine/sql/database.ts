import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readResult, type QueryResult } from '../query/result.ts';

/** One DuckDB connection, used by one caller at a time (DuckDB connections are not re-entrant). */
export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<Database> {
    // No extension is ever fetched or loaded behind the engine's back (json, parquet and icu are built in).
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
      allow_unsigned_extensions: 'false',
    });
    return new Database(instance, await instance.connect());
  }

  /** Runs `work` after every earlier exclusive task has finished. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** How far the running statement is, 0–100, or -1 when DuckDB cannot tell. */
  progress(): number {
    return this.connection.progress.percentage;
  }

  /** Runs statements, discarding results. */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs a query and reads every row as plain JS values. */
  async all(sql: string): Promise<QueryResult> {
    return readResult(await this.connection.run(sql));
  }

  /**
   * Appends rows to a table through DuckDB's appender (far cheaper than a long VALUES list):
   * strings as VARCHAR, bigints as BIGINT, numbers as DOUBLE, null as NULL, in column order.
   */
  async append(schema: string, table: string, rows: readonly (readonly (string | bigint | number | null)[])[]): Promise<void> {
    const appender = await this.connection.createAppender(table, schema);
    try {
      for (const row of rows) {
        for (const value of row) {
          if (value === null) appender.appendNull();
          else if (typeof value === 'string') appender.appendVarchar(value);
          else if (typeof value === 'bigint') appender.appendBigInt(value);
          else appender.appendDouble(value);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /**
   * A result as one array per column, values as DuckDB's node API gives them (BIGINT as bigint,
   * no Athena presentation): for bookkeeping of many rows (the cache's 100 k files), about ten
   * times cheaper than `objects`.
   */
  async columns(sql: string): Promise<Record<string, unknown[]>> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getColumnsObjectJS() as Record<string, unknown[]>;
  }

  /** Rows as objects keyed by column name. */
  async objects<T extends Record<string, unknown>>(sql: string): Promise<T[]> {
    const { columns, rows } = await this.all(sql);
    return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i]])) as T);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
