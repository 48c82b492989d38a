/**
 * The DuckDB side of trailsight's Trino: its support macros and settings, and the lock-down that
 * follows. After `lockDown`, DuckDB reads and writes only the given folders (the cache, the logs),
 * installs and loads no extension, and no setting can change again — whatever SQL reached it.
 */
import { join } from 'node:path';
import { DUCKDB_MACROS, quoteString } from '../../sql/index.ts';
import type { Database } from '../sql/database.ts';

export async function installSqlSupport(db: Database, options: { folder: string; trackProgress: boolean }): Promise<void> {
  // One call for them all (each call is a round trip to DuckDB's thread).
  const statements = [
    `SET TimeZone = 'UTC'`,
    // Progress is tracked only for a listener (it costs every pipeline a little); it never prints.
    `SET enable_progress_bar = ${options.trackProgress}`,
    'SET enable_progress_bar_print = false',
    // Segments never change once written: their footers can be kept between queries.
    'SET parquet_metadata_cache = true',
    // DuckDB spills where the engine may write.
    `SET temp_directory = ${quoteString(join(options.folder, 'spill'))}`,
    ...DUCKDB_MACROS.map((macro) => `CREATE OR REPLACE TEMP MACRO ${macro}`),
  ];
  await db.run(statements.join(';\n'));
}

export async function lockDown(db: Database, folders: readonly string[]): Promise<void> {
  const allowed = [...new Set(folders)].map((folder) => quoteString(folder.endsWith('/') ? folder : `${folder}/`));
  // In this order, in one call: the lock comes last.
  await db.run([`SET allowed_directories = [${allowed.join(', ')}]`, 'SET enable_external_access = false', 'SET lock_configuration = true'].join(';\n'));
}
