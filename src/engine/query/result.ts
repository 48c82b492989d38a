import { typeText, type OutputColumn } from '../../sql/index.ts';
import { DuckDBTypeId, JSDuckDBValueConverter, type DuckDBMaterializedResult, type DuckDBType } from '@duckdb/node-api';

export interface QueryColumn {
  name: string;
  /** Athena/Trino type name: varchar, bigint, integer, double, boolean, timestamp, date, array(...), row(...), map(...), json… */
  type: string;
}

export interface QueryResult {
  columns: QueryColumn[];
  /** JS values: string | number | boolean | null; timestamps and dates as ISO strings; arrays, rows and maps nested as arrays and objects. */
  rows: unknown[][];
  /** Bytes of the log files the query's partitions select (Athena's DataScannedInBytes); set by `CloudTrailEngine.query`. */
  scannedBytes?: number;
}

/** The Trino name of a DuckDB type, as Athena reports it in result metadata. */
export function trinoTypeName(type: DuckDBType): string {
  if (type.alias === 'JSON') return 'json';
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.TINYINT:
      return 'tinyint';
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT:
      return 'smallint';
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT:
      return 'integer';
    // DuckDB widens sums and counts to HUGEINT where Trino keeps bigint.
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
      return 'bigint';
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return 'decimal(38,0)';
    case DuckDBTypeId.FLOAT:
      return 'real';
    case DuckDBTypeId.DOUBLE:
      return 'double';
    case DuckDBTypeId.DECIMAL:
      return `decimal(${type.width},${type.scale})`;
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
      return 'varchar';
    case DuckDBTypeId.BLOB:
    case DuckDBTypeId.BIT:
      return 'varbinary';
    case DuckDBTypeId.UUID:
      return 'uuid';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIME:
    case DuckDBTypeId.TIME_NS:
      return 'time';
    case DuckDBTypeId.TIME_TZ:
      return 'time with time zone';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return 'timestamp';
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamp with time zone';
    case DuckDBTypeId.INTERVAL:
      return 'interval day to second';
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return `array(${trinoTypeName(type.valueType)})`;
    case DuckDBTypeId.MAP:
      return `map(${trinoTypeName(type.keyType)}, ${trinoTypeName(type.valueType)})`;
    case DuckDBTypeId.STRUCT:
      return `row(${type.entryNames.map((name, i) => `${name.toLowerCase()} ${trinoTypeName(type.entryTypes[i]!)}`).join(', ')})`;
    case DuckDBTypeId.SQLNULL:
      return 'unknown';
    default:
      return type.toString().toLowerCase();
  }
}

/** A DuckDB value (as converted to JS by the driver) as a plain, JSON-safe JS value. */
export function plainValue(value: unknown, type: DuckDBType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM: {
      const big = value as bigint;
      return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : big.toString();
    }
    case DuckDBTypeId.DATE:
      return (value as Date).toISOString().slice(0, 10);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return Number.isFinite((value as Date).getTime()) ? (value as Date).toISOString() : String(value);
    case DuckDBTypeId.TIME:
    case DuckDBTypeId.TIME_NS:
    case DuckDBTypeId.TIME_TZ:
    case DuckDBTypeId.INTERVAL:
      return String(value);
    case DuckDBTypeId.BLOB:
    case DuckDBTypeId.BIT:
      return Buffer.from(value as Uint8Array).toString('base64');
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return (value as unknown[]).map((item) => plainValue(item, type.valueType));
    case DuckDBTypeId.STRUCT: {
      const entries = value as Record<string, unknown>;
      // Lower case, as Athena names every field (storage keeps CloudTrail's camelCase).
      return Object.fromEntries(type.entryNames.map((name, i) => [name.toLowerCase(), plainValue(entries[name], type.entryTypes[i]!)]));
    }
    case DuckDBTypeId.MAP:
      return Object.fromEntries(
        (value as { key: unknown; value: unknown }[]).map((entry) => [String(plainValue(entry.key, type.keyType)), plainValue(entry.value, type.valueType)]),
      );
    default:
      return value;
  }
}

/**
 * Reads a whole DuckDB result into the engine's result shape. With the query's Trino columns, the
 * names and types are those (Athena's); otherwise DuckDB's own, lower-cased.
 */
export async function readResult(result: DuckDBMaterializedResult, trino?: readonly OutputColumn[]): Promise<QueryResult> {
  const names = result.columnNames();
  const types = result.columnTypes();
  const columns = trino
    ? trino.map((c) => ({ name: c.name, type: typeText(c.type) }))
    : names.map((name, i) => ({ name: name.toLowerCase(), type: trinoTypeName(types[i]!) }));
  const rows: unknown[][] = [];
  for (const chunk of await result.fetchAllChunks()) {
    for (const row of chunk.convertRows(JSDuckDBValueConverter)) {
      rows.push(row.map((value, i) => plainValue(value, types[i]!)));
    }
  }
  return { columns, rows };
}
