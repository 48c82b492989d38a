/**
 * The DuckDB side of trailsight's Trino: its support macros and settings, and the lock-down that
 * follows. After `lockDown`, DuckDB reads and writes only the given folders (the cache, the logs),
 * installs and loads no extension, and no setting can change again — whatever SQL reached it.
 */
import { join } from 'node:path';
import { DUCKDB_MACROS, quoteString } from '../../sql/index.ts';
import type { Database } from '../sql/database.ts';

export async function installSqlSupport(db: Database, options: { folder: string; trackProgress: boolean }): Promise<void> {
  await db.run(`SET TimeZone = 'UTC'`);
  // Progress is tracked only for a listener (it costs every pipeline a little); it never prints.
  await db.run(`SET enable_progress_bar = ${options.trackProgress}`);
  await db.run('SET enable_progress_bar_print = false');
  // Segments never change once written: their footers can be kept between queries.
  await db.run('SET parquet_metadata_cache = true');
  // DuckDB spills where the engine may write.
  await db.run(`SET temp_directory = ${quoteString(join(options.folder, 'spill'))}`);
  for (const macro of DUCKDB_MACROS) await db.run(`CREATE OR REPLACE TEMP MACRO ${macro}`);
}

export async function lockDown(db: Database, folders: readonly string[]): Promise<void> {
  const allowed = [...new Set(folders)].map((folder) => quoteString(folder.endsWith('/') ? folder : `${folder}/`));
  await db.run(`SET allowed_directories = [${allowed.join(', ')}]`);
  await db.run('SET enable_external_access = false');
  await db.run('SET lock_configuration = true');
}
