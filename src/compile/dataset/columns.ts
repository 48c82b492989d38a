import type { InputColumnDataType } from '@aws-sdk/client-quicksight';
import { QUICKSIGHT_TYPE, type DataType } from '../../language/index.ts';

/** QuickSight's input column type for a spec type (decimals are floating point). */
export function inputColumnType(type: DataType): { Type: InputColumnDataType; SubType?: 'FLOAT' } {
  return type === 'decimal' ? { Type: QUICKSIGHT_TYPE[type], SubType: 'FLOAT' } : { Type: QUICKSIGHT_TYPE[type] };
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
