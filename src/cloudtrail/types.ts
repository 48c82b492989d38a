import type { Column, ColumnType } from './columns.ts';

/** Hive DDL type as Glue stores it, e.g. `struct<type:string,arn:string>`. */
export function hiveType(type: ColumnType): string {
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'double':
      return 'double';
    case 'int':
      return 'int';
    case 'map':
      return `map<${type.key},${type.value}>`;
    case 'array':
      return `array<${hiveType(type.element)}>`;
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}:${hiveType(f.type)}`).join(',')}>`;
  }
}

/**
 * DuckDB type for the same column, used by the local engine to read records as Athena does.
 * `fieldNames: 'key'` names struct fields as the records spell them (camelCase), which is what
 * DuckDB's JSON reader matches against.
 */
export function duckdbType(type: ColumnType, fieldNames: 'name' | 'key' = 'name'): string {
  switch (type.kind) {
    case 'string':
      return 'VARCHAR';
    case 'double':
      return 'DOUBLE';
    case 'int':
      return 'INTEGER';
    case 'map':
      return 'MAP(VARCHAR, VARCHAR)';
    case 'array':
      return `${duckdbType(type.element, fieldNames)}[]`;
    case 'struct':
      return `STRUCT(${type.fields.map((f) => `"${f[fieldNames]}" ${duckdbType(f.type, fieldNames)}`).join(', ')})`;
  }
}

/** A column reachable by a dotted path (`useridentity.sessioncontext.sessionissuer.username`). */
export interface ColumnPath {
  readonly path: string;
  readonly column: Column;
}

/** Every dotted path into struct columns, depth first, parents before children. */
export function columnPaths(columns: readonly Column[], prefix = ''): ColumnPath[] {
  return columns.flatMap((column) => {
    const path = prefix + column.name;
    const self: ColumnPath = { path, column };
    return column.type.kind === 'struct' ? [self, ...columnPaths(column.type.fields, `${path}.`)] : [self];
  });
}
