/** What a query may name: the tables of the Glue Data Catalog (or the CloudTrail table alone, for specs). */
import type { SqlType } from '../types/sql-type.ts';

export interface CatalogColumn {
  /** Lower case, as Glue and Athena name columns. */
  readonly name: string;
  readonly type: SqlType;
}

export interface CatalogTable {
  readonly catalog: string;
  readonly database: string;
  readonly name: string;
  readonly columns: readonly CatalogColumn[];
  /** Columns a query may name but `*` does not show (`"$path"`, `"$file_size"`, `"$file_modified_time"`). */
  readonly hidden: readonly CatalogColumn[];
  /** The DuckDB relation holding the rows, as the engine names it (a catalog used only for checks may leave it empty). */
  readonly relation: string;
}

/**
 * Tables by name, and where an unqualified name resolves: Athena's query execution context
 * (catalog `awsdatacatalog`, the database of the request).
 */
export interface Catalog {
  readonly defaultCatalog: string;
  readonly defaultDatabase: string;
  /** Names are lower case. Undefined when there is no such table. */
  table(catalog: string, database: string, name: string): CatalogTable | undefined;
  /** Whether the database exists (for Athena's SCHEMA_NOT_FOUND before TABLE_NOT_FOUND). */
  hasDatabase(catalog: string, database: string): boolean;
  /** Whether the catalog exists (`awsdatacatalog` always does). */
  hasCatalog(catalog: string): boolean;
}

/** A catalog of the given tables (and of empty databases), all in `awsdatacatalog`. */
export function staticCatalog(tables: readonly CatalogTable[], defaultDatabase: string, otherDatabases: readonly string[] = []): Catalog {
  const key = (catalog: string, database: string, name: string) => `${catalog}\u0000${database}\u0000${name}`;
  const byName = new Map(tables.map((t) => [key(t.catalog, t.database, t.name), t]));
  const databases = new Set([...tables.map((t) => `${t.catalog}\u0000${t.database}`), ...otherDatabases.map((d) => `awsdatacatalog\u0000${d.toLowerCase()}`)]);
  const catalogs = new Set(['awsdatacatalog', ...tables.map((t) => t.catalog)]);
  return {
    defaultCatalog: 'awsdatacatalog',
    defaultDatabase,
    table: (catalog, database, name) => byName.get(key(catalog, database, name)),
    hasDatabase: (catalog, database) => databases.has(`${catalog}\u0000${database}`) || database === defaultDatabase,
    hasCatalog: (catalog) => catalogs.has(catalog),
  };
}
