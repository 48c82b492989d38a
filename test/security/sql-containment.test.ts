/**
 * The local Athena is Athena, not DuckDB: a query can name only the catalog's tables and Trino's
 * functions, runs as one statement, and DuckDB under it reads nothing outside its folders. Every
 * query here succeeded, with today's DuckDB, before the Trino parser stood in front of it.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailEngine, EngineQueryError, generateSample } from '../../src/engine/index.ts';

/** [query, the error Athena's way of refusing it starts with]. */
const HOSTILE: readonly [string, RegExp][] = [
  [`SELECT * FROM read_csv('/etc/passwd')`, /^SYNTAX_ERROR: line 1:\d+: /],
  [`SELECT read_text('/etc/passwd')`, /^FUNCTION_NOT_FOUND: line 1:8: Function 'read_text' not registered/],
  [`SELECT * FROM TABLE(read_csv('/etc/passwd'))`, /^NOT_SUPPORTED: /],
  [`SELECT * FROM glob('/root/*')`, /^SYNTAX_ERROR: /],
  [`SELECT "read_csv"('/etc/passwd')`, /^FUNCTION_NOT_FOUND: /],
  [`SELECT system.main.read_text('/etc/passwd')`, /^FUNCTION_NOT_FOUND: /],
  [`SELECT _trino_ip_parse('10.0.0.1')`, /^FUNCTION_NOT_FOUND: /],
  [`SELECT current_setting('allowed_directories')`, /^FUNCTION_NOT_FOUND: /],
  [`COPY (SELECT 1) TO '${join(tmpdir(), 'trailsight-copied.csv')}'`, /^SYNTAX_ERROR: line 1:1: /],
  [`ATTACH '/tmp/x.duckdb' AS x`, /^SYNTAX_ERROR: line 1:1: /],
  [`SET enable_external_access = false`, /^SYNTAX_ERROR: /],
  [`SET SESSION query_max_run_time = '1s'`, /^NOT_SUPPORTED: line 1:1: SET is a session or utility statement/],
  [`PRAGMA version`, /^SYNTAX_ERROR: line 1:1: /],
  [`INSTALL httpfs`, /^SYNTAX_ERROR: line 1:1: /],
  [`LOAD httpfs`, /^SYNTAX_ERROR: line 1:1: /],
  [`CREATE TABLE stolen AS SELECT 1`, /^NOT_SUPPORTED: line 1:1: CREATE is a schema statement/],
  [`SELECT 1; COPY (SELECT 1) TO '/tmp/x'`, /^SYNTAX_ERROR: line 1:\d+: /],
  [`SELECT 1; SELECT 2`, /^SYNTAX_ERROR: line 1:11: Only one sql statement is allowed/],
  [`SELECT E'\\'' AS x`, /^SYNTAX_ERROR: /],
  [`SELECT * FROM "_trailsight"."files"`, /^SCHEMA_NOT_FOUND: /],
  [`SELECT * FROM memory.main.x`, /^CATALOG_NOT_FOUND: /],
  [`SELECT * FROM information_schema.tables`, /^SCHEMA_NOT_FOUND: /],
  [`SELECT * FROM duckdb_settings()`, /^SYNTAX_ERROR: /],
  [`SELECT \`eventname\` FROM cloudtrail_logs`, /^SYNTAX_ERROR: line 1:8: backquoted identifiers are not supported/],
];

describe('security: the local Athena runs Trino queries only', function () {
  this.timeout(60000);
  let dir: string;
  let engine: CloudTrailEngine;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-sql-containment-'));
    await generateSample({ out: join(dir, 'logs'), events: 200, days: 1, seed: 3 });
    engine = await CloudTrailEngine.open({ cacheDir: join(dir, 'cache') });
    await engine.attach({ root: join(dir, 'logs') });
  });
  after(async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const [sql, refusal] of HOSTILE) {
    it(`refuses ${sql}`, async () => {
      await assert.rejects(engine.query(sql), (error: Error) => {
        assert.ok(error instanceof EngineQueryError, `${error.name}: ${error.message}`);
        assert.match(error.message, refusal);
        return true;
      });
    });
  }

  it('keeps strings, names and comments data: nothing in them becomes SQL', async () => {
    // The COPY's target is a fresh path of this test's own (a shared name like /tmp/x may exist already).
    const target = join(dir, 'copied-by-a-string');
    const result = await engine.query(
      `SELECT '''); COPY (SELECT 1) TO ''${target}''; --' AS "x""; DROP TABLE y; --", count(*) AS n FROM cloudtrail_logs -- ); ATTACH '/x'`,
    );
    assert.deepEqual(
      result.columns.map((c) => c.name),
      ['x"; drop table y; --', 'n'],
    );
    assert.equal(result.rows[0]![0], `'); COPY (SELECT 1) TO '${target}'; --`);
    assert.equal(existsSync(target), false);
  });

  it('is unharmed after every refusal: the next query runs', async () => {
    const result = await engine.query('SELECT count(*) AS n FROM cloudtrail_logs');
    assert.ok(Number(result.rows[0]![0]) > 0);
    assert.equal(existsSync(join(tmpdir(), 'trailsight-copied.csv')), false);
  });

  it('locks DuckDB itself to the cache and the logs: SQL reaching it by another way reads nothing else and changes no setting', async () => {
    // White-box on purpose: what if a translation bug let DuckDB SQL through? The lock still holds.
    const db = (engine as unknown as { db: { run(sql: string): Promise<void> } }).db;
    await assert.rejects(db.run(`SELECT * FROM read_text('/etc/passwd')`), /Permission Error/);
    await assert.rejects(db.run(`COPY (SELECT 1) TO '${join(tmpdir(), 'trailsight-copied.csv')}'`), /Permission Error/);
    await assert.rejects(db.run(`ATTACH '${join(tmpdir(), 'trailsight-attached.duckdb')}' AS x`), /Permission Error/);
    await assert.rejects(db.run('SET enable_external_access = true'), /locked|Cannot/);
    await assert.rejects(db.run("SET allowed_directories = ['/']"), /locked|Cannot/);
    await assert.rejects(db.run('INSTALL httpfs'), /Permission Error|locked|disabled/);
    await db.run(`SELECT count(*) FROM read_parquet('${join(dir, 'cache', 'segments')}/*/*.parquet')`);
  });

  it('a cache and a logs folder named to end a string and run SQL: the lock holds and the queries answer', async () => {
    // The engine sets DuckDB up (the spill folder, the allowed folders, the lock) in one call of several
    // statements: a folder name that closed its string would run what follows it.
    const hostile = "x'; SET lock_configuration = false; SET enable_external_access = true; SELECT '";
    const logs = join(dir, `logs ${hostile}`);
    await generateSample({ out: logs, events: 50, days: 1, seed: 5 });
    const engine = await CloudTrailEngine.open({ cacheDir: join(dir, `cache ${hostile}`), readable: [logs] });
    try {
      await engine.attach({ root: logs, lazy: true });
      const [[count]] = (await engine.query('SELECT count(*) FROM cloudtrail_logs')).rows as [[number]];
      assert.ok(count > 0);
      const db = (engine as unknown as { db: { run(sql: string): Promise<void> } }).db;
      await assert.rejects(db.run(`SELECT * FROM read_text('/etc/passwd')`), /Permission Error/);
      await assert.rejects(db.run('SET enable_external_access = true'), /locked|Cannot/);
    } finally {
      await engine.close();
    }
  });
});
