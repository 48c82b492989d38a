import type { Database } from '../sql/database.ts';
import type { ScannedFile } from '../files/scan.ts';

export interface PruneTarget {
  schema: string;
  table: string;
  /** Schema unqualified table names resolve in. */
  defaultSchema: string;
  files: readonly ScannedFile[];
}

/** The files among `target.files` a query can need (for now: all of them when the table is named). */
export async function filesNeeded(_db: Database, _sql: string, target: PruneTarget): Promise<ScannedFile[]> {
  return [...target.files];
}
