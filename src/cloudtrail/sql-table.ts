/**
 * A trail's table (its events, or its Insights events) as the SQL analyzer sees it: every column
 * with the type Athena gives it (from the Glue/Hive type the table is created with), and the
 * hidden columns Athena adds.
 */
import type { CatalogTable } from '../sql/analyze/catalog.ts';
import { parseHiveType } from '../sql/types/hive-type.ts';
import { LOGS_TABLE, tableColumns, type TrailTable } from './tables.ts';
import { hiveType } from './types.ts';

export interface CloudTrailTableName {
  readonly catalog?: string;
  readonly database: string;
  readonly name: string;
  /** The DuckDB relation holding the rows (the engine's view); empty for checks that run nothing. */
  readonly relation?: string;
  /** Which of a trail's tables it is; default its events (`cloudtrail_logs`). */
  readonly model?: TrailTable;
}

/** Athena's hidden columns of a table over S3 files: named explicitly, never by `*`. */
export const HIDDEN_COLUMNS = [
  { name: '$path', type: parseHiveType('string') },
  { name: '$file_size', type: parseHiveType('bigint') },
  { name: '$file_modified_time', type: { kind: 'timestamp with time zone', precision: 3, zone: 'UTC' } },
] as const satisfies CatalogTable['hidden'];

export function cloudTrailTable(name: CloudTrailTableName): CatalogTable {
  return {
    catalog: name.catalog ?? 'awsdatacatalog',
    database: name.database.toLowerCase(),
    name: name.name.toLowerCase(),
    columns: tableColumns(name.model ?? LOGS_TABLE).map((c) => ({ name: c.name, type: parseHiveType(hiveType(c.type)) })),
    hidden: HIDDEN_COLUMNS,
    relation: name.relation ?? '',
  };
}
