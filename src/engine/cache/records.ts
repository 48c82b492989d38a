/**
 * The records of one root: its Parquet segments (segments.ts) and its rows in the catalog
 * (catalog.ts), kept in step. Every change writes new segment files first and then switches the
 * catalog to them in one transaction; files no longer listed are removed afterwards (or, after a
 * crash, by `sweep` on the next attach), so the cache is never half updated.
 */
import { PARTITION_COLUMNS, type TrailTable } from '../../cloudtrail/index.ts';
import type { Database } from '../sql/database.ts';
import { quoteIdentifier, quoteString } from '../../sql/text/quote.ts';
import { parseColumnSet, storedType, type ColumnSet } from '../ingest/read-sql.ts';
import {
  CACHE_SCHEMA,
  deleteSegmentsSql,
  inTransaction,
  insertFiles,
  insertSegmentSql,
  rootKey,
  segmentsOf,
  type CachedFile,
  type FileRow,
  type Segment,
} from './catalog.ts';
import type { SegmentStore } from './segments.ts';

/** More segments than this and the smaller ones are merged (each ingest batch writes one). */
const MAX_SEGMENTS = 24;
/** How many of the largest segments a merge leaves alone. */
const KEEP_LARGEST = 8;

export class RootRecords {
  readonly key: string;

  constructor(
    private readonly db: Database,
    private readonly store: SegmentStore,
    readonly root: string,
    /** Which of a trail's tables the records are of: the columns its segments hold. */
    readonly table: TrailTable,
  ) {
    this.key = rootKey(root);
  }

  /** Writes the rows of `select` (the stored columns, `_path` last) as a new segment, not listed yet. */
  writeSegment(select: string): Promise<string> {
    return this.store.write(this.db, this.key, select);
  }

  /** A segment's rows as a relation. */
  segmentSource(name: string): string {
    return this.store.source(this.key, [name]);
  }

  /** Writes a copy of a segment without the records of `paths`; the original stays until `discard`. */
  writeWithout(name: string, paths: readonly string[]): Promise<string> {
    return this.writeSegment(`SELECT * FROM ${this.segmentSource(name)} WHERE _path NOT IN (${paths.map(quoteString).join(', ')})`);
  }

  /** Removes segment files that were written but never listed. */
  discard(names: readonly string[]): Promise<void> {
    return this.store.remove(this.key, names);
  }

  /** Removes segment files the catalog has stopped listing; best effort (`sweep` takes what stays). */
  release(names: readonly string[]): Promise<void> {
    return this.store.removeReplaced(this.key, names);
  }

  /** Lists files (loaded or bad) and, when given, the segment holding the loaded ones' records. */
  async commit(rows: readonly FileRow[], segment: Segment | null): Promise<void> {
    await inTransaction(this.db, async () => {
      if (rows.length > 0) await insertFiles(this.db, this.root, rows);
      if (segment) await this.db.run(insertSegmentSql(this.root, segment));
    });
  }

  /** Drops cached files that changed or went away, with their records. */
  async forget(stale: readonly CachedFile[]): Promise<void> {
    if (stale.length === 0) return;
    const listed = new Map((await segmentsOf(this.db, this.root)).map((s) => [s.name, s]));
    const leaving = new Map<string, CachedFile[]>();
    for (const file of stale) {
      if (file.segment === null) continue;
      const files = leaving.get(file.segment);
      if (files) files.push(file);
      else leaving.set(file.segment, [file]);
    }
    const replacements: { old: string; replacement: Segment | null }[] = [];
    try {
      for (const [name, files] of leaving) {
        const remaining = (listed.get(name)?.records ?? 0) - files.reduce((sum, f) => sum + f.records, 0);
        const columns = listed.get(name)?.columns ?? null;
        const replacement =
          remaining > 0
            ? {
                name: await this.writeWithout(
                  name,
                  files.map((f) => f.path),
                ),
                records: remaining,
                columns,
              }
            : null;
        replacements.push({ old: name, replacement });
      }
      await inTransaction(this.db, async () => {
        await this.db.run(
          `DELETE FROM ${CACHE_SCHEMA}.files WHERE root = ${quoteString(this.root)} AND path IN (${stale.map((f) => quoteString(f.path)).join(', ')})`,
        );
        for (const { old, replacement } of replacements) await this.replace([old], replacement);
      });
    } catch (error) {
      await this.discard(replacements.flatMap((r) => (r.replacement ? [r.replacement.name] : [])));
      throw error;
    }
    await this.release(replacements.map((r) => r.old));
  }

  /** Merges the smaller segments into one when there are many (incremental runs add small ones). */
  async compact(): Promise<void> {
    const segments = await segmentsOf(this.db, this.root);
    if (segments.length <= MAX_SEGMENTS) return;
    const merged = [...segments].sort((a, b) => b.records - a.records).slice(KEEP_LARGEST);
    const names = merged.map((s) => s.name);
    const name = await this.writeSegment(`SELECT * FROM ${this.store.source(this.key, names)}`);
    try {
      // Every segment of a root holds the same columns (readPending in engine.ts keeps it so).
      await inTransaction(this.db, () => this.replace(names, { name, records: merged.reduce((sum, s) => sum + s.records, 0), columns: merged[0]!.columns }));
    } catch (error) {
      await this.discard([name]);
      throw error;
    }
    await this.release(names);
  }

  /**
   * Puts the folder and the catalog back in step after a run cut short: segment files the catalog
   * does not list go; listed segments that are gone (lost to a crash or deleted by hand) are
   * forgotten with their files, which the scan then finds new and reads again.
   */
  async sweep(): Promise<void> {
    const missing = await this.store.sweep(
      this.key,
      (await segmentsOf(this.db, this.root)).map((s) => s.name),
    );
    if (missing.length === 0) return;
    await inTransaction(this.db, async () => {
      await this.db.run(`DELETE FROM ${CACHE_SCHEMA}.files WHERE root = ${quoteString(this.root)} AND segment IN (${missing.map(quoteString).join(', ')})`);
      await this.db.run(deleteSegmentsSql(this.root, missing));
    });
  }

  /**
   * What the root's segments hold: whether there are any, and the columns every one of them holds
   * (undefined: every column).
   */
  async stored(): Promise<{ any: boolean; columns: ColumnSet }> {
    const segments = await segmentsOf(this.db, this.root);
    let columns: Set<string> | undefined;
    for (const segment of segments) {
      const set = parseColumnSet(segment.columns);
      if (set === undefined) continue;
      columns = columns === undefined ? new Set(set) : new Set([...columns].filter((c) => set.has(c)));
    }
    return { any: segments.length > 0, columns };
  }

  /**
   * The relation of every record of the root, for its views: the segments (a column they do not
   * hold is NULL: the engine reads it before any query needs it), or an empty typed row set.
   */
  async source(): Promise<string> {
    const segments = await segmentsOf(this.db, this.root);
    const { columns: held } = await this.stored();
    if (segments.length > 0 && held === undefined)
      return this.store.source(
        this.key,
        segments.map((s) => s.name),
      );
    const parquet =
      segments.length > 0
        ? this.store.source(
            this.key,
            segments.map((s) => s.name),
            true,
          )
        : undefined;
    const columns = [
      ...this.table.columns.map((c) =>
        parquet && held?.has(c.name) ? quoteIdentifier(c.name) : `CAST(NULL AS ${storedType(this.table, c)}) AS ${quoteIdentifier(c.name)}`,
      ),
      ...PARTITION_COLUMNS.map((c) => (parquet ? quoteIdentifier(c.name) : `CAST(NULL AS VARCHAR) AS ${quoteIdentifier(c.name)}`)),
      parquet ? '_path' : 'CAST(NULL AS VARCHAR) AS _path',
    ];
    return parquet ? `(SELECT ${columns.join(', ')} FROM ${parquet})` : `(SELECT ${columns.join(', ')} WHERE false)`;
  }

  /** Within a transaction: `old` segments give way to `replacement` (null: their records are gone). */
  private async replace(old: readonly string[], replacement: Segment | null): Promise<void> {
    const root = quoteString(this.root);
    const oldList = old.map(quoteString).join(', ');
    await this.db.run(
      `UPDATE ${CACHE_SCHEMA}.files SET segment = ${replacement ? quoteString(replacement.name) : 'NULL'} ` +
        `WHERE root = ${root} AND segment IN (${oldList})`,
    );
    await this.db.run(deleteSegmentsSql(this.root, old));
    if (replacement) await this.db.run(insertSegmentSql(this.root, replacement));
  }
}
