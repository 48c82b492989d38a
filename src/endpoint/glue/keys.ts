/** Store keys of the Glue Data Catalog: databases and their tables (names lower-cased, as Glue does). */
export function databaseKey(account: string, region: string, name: string): string[] {
  return ['glue', account, region, 'databases', name.toLowerCase()];
}

export function databasesKey(account: string, region: string): string[] {
  return ['glue', account, region, 'databases'];
}

export function tableKey(account: string, region: string, database: string, name: string): string[] {
  return ['glue', account, region, 'tables', database.toLowerCase(), name.toLowerCase()];
}

export function tablesKey(account: string, region: string, database: string): string[] {
  return ['glue', account, region, 'tables', database.toLowerCase()];
}

/** A Glue table as stored: the TableInput members plus what Glue adds. */
export interface GlueTable {
  Name: string;
  DatabaseName: string;
  CatalogId: string;
  CreateTime: number;
  UpdateTime: number;
  VersionId: string;
  StorageDescriptor?: { Location?: string; Columns?: { Name: string; Type?: string }[]; [k: string]: unknown };
  PartitionKeys?: { Name: string; Type?: string }[];
  Parameters?: Record<string, string>;
  TableType?: string;
  [member: string]: unknown;
}

export interface GlueDatabase {
  Name: string;
  CatalogId: string;
  CreateTime: number;
  [member: string]: unknown;
}
