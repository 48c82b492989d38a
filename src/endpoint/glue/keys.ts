import type { DatabaseInput, TableInput } from '@aws-sdk/client-glue';
import type { Wire } from '../sdk-types.ts';

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

/** A Glue table as stored: the TableInput members (names lower-cased) plus what Glue adds. */
export type GlueTable = Wire<TableInput> & {
  readonly DatabaseName: string;
  readonly CatalogId: string;
  /** Epoch milliseconds. */
  readonly CreateTime: number;
  readonly UpdateTime: number;
  readonly VersionId: string;
};

/** A Glue database as stored: the DatabaseInput members plus what Glue adds. */
export type GlueDatabase = Wire<DatabaseInput> & {
  readonly CatalogId: string;
  /** Epoch milliseconds. */
  readonly CreateTime: number;
};
