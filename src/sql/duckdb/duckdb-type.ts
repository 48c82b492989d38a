/** How each Trino type is held in DuckDB. */
import type { SqlType } from '../types/sql-type.ts';
import { quoteIdentifier } from '../text/quote.ts';

/**
 * DuckDB's spelling of a Trino type. IPADDRESS is a 128-bit unsigned integer (IPv4 mapped into
 * `::ffff:0:0/96`), so order and equality are Trino's; rows are structs whose anonymous fields are
 * named `field0`, `field1` … (as Trino names them when it must).
 */
export function duckdbType(t: SqlType): string {
  switch (t.kind) {
    case 'unknown':
      return 'VARCHAR';
    case 'boolean':
      return 'BOOLEAN';
    case 'tinyint':
      return 'TINYINT';
    case 'smallint':
      return 'SMALLINT';
    case 'integer':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'real':
      return 'FLOAT';
    case 'double':
      return 'DOUBLE';
    case 'decimal':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'varchar':
    case 'char':
      return 'VARCHAR';
    case 'varbinary':
      return 'BLOB';
    case 'json':
      return 'JSON';
    case 'date':
      return 'DATE';
    case 'time':
      return 'TIME';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'timestamp with time zone':
      return 'TIMESTAMPTZ';
    case 'interval day to second':
    case 'interval year to month':
      return 'INTERVAL';
    case 'ipaddress':
      return 'UHUGEINT';
    case 'ipprefix':
      return 'VARCHAR';
    case 'uuid':
      return 'UUID';
    case 'array':
      return `${duckdbType(t.element)}[]`;
    case 'map':
      return `MAP(${duckdbType(t.key)}, ${duckdbType(t.value)})`;
    case 'row':
      return `STRUCT(${t.fields.map((f, i) => `${quoteIdentifier(f.name ?? `field${i}`)} ${duckdbType(f.type)}`).join(', ')})`;
    case 'function':
      throw new Error('a lambda has no DuckDB type');
  }
}
