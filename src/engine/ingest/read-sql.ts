/**
 * The SQL that lets DuckDB read CloudTrail files itself (a trail's events or its Insights events,
 * as the table model says): `read_json` with explicit column types
 * (record keys in camelCase, as the files spell them, since DuckDB matches JSON keys
 * case-sensitively), then a projection to Athena's lower-case column names.
 *
 * Struct fields keep the record's spelling in storage (`userIdentity.sessionContext.sessionIssuer.userName`,
 * `resources[].ARN`): DuckDB resolves struct fields case-insensitively, so
 * `useridentity.sessioncontext.sessionissuer.username` works, and results present every name in
 * lower case as Athena does (query/result.ts). Renaming the fields at ingest would cost a struct
 * cast of every record for nothing a query can see.
 */
import { PARTITION_COLUMNS, duckdbType, type Column, type ColumnType, type TrailTable } from '../../cloudtrail/index.ts';
import { quoteIdentifier, quoteString } from '../../sql/text/quote.ts';
import { literalPath } from '../files/literal-path.ts';
import { groupByPartition, partitionSql, type PartitionValues } from '../files/partition.ts';

/** How a file holds its events. */
export type LogFormat = 'envelope' | 'lines' | 'array';
export type Compression = 'gzip' | 'none';

/** The DuckDB type for reading a column's JSON value: struct fields named by their record keys. */
const readType = (type: ColumnType): string => duckdbType(type, 'key');

function columnReadType(table: TrailTable, column: Column): string {
  return table.jsonText.has(column.name) ? 'JSON' : readType(column.type);
}

/** The stored DuckDB type of a data column: JSON text is kept as text (Athena's `string`). */
export function storedType(table: TrailTable, column: Column): string {
  return table.jsonText.has(column.name) ? 'VARCHAR' : readType(column.type);
}

/** The user-facing column list (what the view exposes). */
export function viewColumns(table: TrailTable): string {
  return [...table.columns, ...PARTITION_COLUMNS].map((c) => quoteIdentifier(c.name)).join(', ');
}

/**
 * The columns a read stores: all of them, or those a query reads. The table's markers, which tell
 * its records from other JSON (ingest.ts), are always read.
 */
export type ColumnSet = ReadonlySet<string> | undefined;

function columnsOf(table: TrailTable, set: ColumnSet): readonly Column[] {
  return set === undefined ? table.columns : table.columns.filter((c) => set.has(c.name) || table.markers.includes(c.name));
}

/** A column set as the catalog keeps it (`Segment.columns`): sorted names, or null for every column. */
export function columnSetText(table: TrailTable, set: ColumnSet): string | null {
  return set === undefined
    ? null
    : columnsOf(table, set)
        .map((c) => c.name)
        .sort()
        .join(',');
}

export function parseColumnSet(text: string | null): ColumnSet {
  return text === null ? undefined : new Set(text.split(','));
}

function projection(table: TrailTable, prefix: string, columns: readonly Column[]): string {
  return columns
    .map((c) => {
      const source = `${prefix}${quoteIdentifier(c.key)}`;
      return `${table.jsonText.has(c.name) ? `${source}::VARCHAR` : source} AS ${quoteIdentifier(c.name)}`;
    })
    .join(', ');
}

/** Large enough for any single CloudTrail file (AWS caps them far below this). */
const MAX_OBJECT_SIZE = 2 ** 31 - 1;

/**
 * One JSON value per line (`newline_delimited`) is how CloudTrail writes its files — the whole
 * envelope on one line — and DuckDB reads it much faster than `unstructured`, so it is tried
 * first; pretty-printed files are read again with `unstructured` (ingest.ts).
 */
function readJson(paths: readonly string[], format: LogFormat, compression: Compression, columns: string, oneValuePerLine: boolean): string {
  const jsonFormat = format === 'array' ? 'array' : oneValuePerLine ? 'newline_delimited' : 'unstructured';
  return (
    `read_json([${paths.map(literalSql).join(', ')}], columns = {${columns}}, format = '${jsonFormat}', ` +
    `compression = '${compression === 'gzip' ? 'gzip' : 'uncompressed'}', filename = '_path', ` +
    `maximum_object_size = ${MAX_OBJECT_SIZE}, records = 'true')`
  );
}

/** A path as a SQL literal DuckDB reads as that one file (the ingest turns away files it cannot name so). */
export function literalSql(path: string): string {
  const literal = literalPath(path);
  if (literal === undefined) throw new Error(`cannot name ${path} to DuckDB literally`);
  return quoteString(literal);
}

/** A file to read, with the partition values its path gives (files/scan.ts). */
export type FileToRead = { path: string } & PartitionValues;

/**
 * A folder's files share their partition values: from this many files on, they are read in a branch
 * of their own with the values as constants. DuckDB evaluates an expression over `_path` once per
 * event, after the unnest, whatever the subquery says: 5,000 files of the 1 M-event bench in
 * 18 folders cost ~15% less CPU so (2026-12-07). But each branch costs DuckDB ~1.3 ms to plan
 * and start (354 folders of one file each: 0.5 s against 0.05 s), so fewer files share one read
 * that takes their values from the path.
 */
const FILES_PER_CONSTANT_BRANCH = 64;

/**
 * A SELECT yielding one row per event with the stored columns (partitions from the path, which
 * is kept as `_path`), for files that all share one format and compression. No join: joining the
 * file list in would slice every wide row and cost DuckDB as much as the reading.
 */
export function selectEvents(
  table: TrailTable,
  files: readonly FileToRead[],
  format: LogFormat,
  compression: Compression,
  oneValuePerLine = true,
  set: ColumnSet = undefined,
): string {
  const reading: Reading = { table, read: columnsOf(table, set), format, compression, oneValuePerLine };
  const branches: string[] = [];
  const rest: string[] = [];
  for (const group of groupByPartition(files)) {
    const paths = group.map((f) => f.path);
    if (group.length < FILES_PER_CONSTANT_BRANCH) {
      rest.push(...paths);
      continue;
    }
    const { account, region, timestamp } = group[0]!;
    const constant = (value: string | null) => (value === null ? 'CAST(NULL AS VARCHAR)' : quoteString(value));
    branches.push(selectRead(reading, paths, { account: constant(account), region: constant(region), timestamp: constant(timestamp) }));
  }
  if (rest.length > 0) {
    const sql = partitionSql('_path', '_parts');
    branches.push(selectRead(reading, rest, sql.values, sql.parts));
  }
  return branches.join(' UNION ALL ');
}

/** How a group's files are read: into which table's columns, from which format and compression. */
interface Reading {
  table: TrailTable;
  read: readonly Column[];
  format: LogFormat;
  compression: Compression;
  oneValuePerLine: boolean;
}

/** One read of files: the stored columns, the partitions as `partitions` give them (over `_parts`, the path's parts, when given), `_path`. */
function selectRead(
  { table, read, format, compression, oneValuePerLine }: Reading,
  paths: readonly string[],
  partitions: Record<'account' | 'region' | 'timestamp', string>,
  parts?: string,
): string {
  const partitionColumns = PARTITION_COLUMNS.map((c) => `${partitions[c.name as keyof typeof partitions]} AS ${quoteIdentifier(c.name)}`).join(', ');
  const withParts = parts === undefined ? '' : `, ${parts} AS _parts`;
  if (format === 'envelope') {
    const recordType = `STRUCT(${read.map((c) => `${quoteIdentifier(c.key)} ${columnReadType(table, c)}`).join(', ')})[]`;
    const source = readJson(paths, format, compression, `'Records': ${quoteString(recordType)}`, oneValuePerLine);
    return `SELECT ${projection(table, 'r.', read)}, ${partitionColumns}, _path FROM (SELECT unnest("Records") AS r${withParts}, _path FROM ${source})`;
  }
  const columns = read.map((c) => `${quoteString(c.key)}: ${quoteString(columnReadType(table, c))}`).join(', ');
  return `SELECT ${projection(table, '', read)}, ${partitionColumns}, _path FROM (SELECT *${withParts} FROM ${readJson(paths, format, compression, columns, oneValuePerLine)})`;
}
