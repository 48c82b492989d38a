import type { InputColumnDataType } from '@aws-sdk/client-quicksight';
import type { DataType } from '../../language/schema/index.ts';

/** QuickSight's input column type for a spec type (decimals are floating point). */
export function inputColumnType(type: DataType): { Type: InputColumnDataType; SubType?: 'FLOAT' } {
  switch (type) {
    case 'string':
      return { Type: 'STRING' };
    case 'integer':
      return { Type: 'INTEGER' };
    case 'decimal':
      return { Type: 'DECIMAL', SubType: 'FLOAT' };
    case 'datetime':
      return { Type: 'DATETIME' };
    case 'boolean':
      return { Type: 'BOOLEAN' };
  }
}

/** The SQL type an output column is cast to, valid in Athena (Trino) and DuckDB alike. */
export function sqlType(type: DataType): string {
  switch (type) {
    case 'string':
      return 'varchar';
    case 'integer':
      return 'bigint';
    case 'decimal':
      return 'double';
    case 'datetime':
      return 'timestamp';
    case 'boolean':
      return 'boolean';
  }
}
