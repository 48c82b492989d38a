import assert from 'node:assert/strict';
import { CloudTrailEngine, EngineQueryError } from '../../src/engine/index.ts';

describe('engine: query errors read like Athena', () => {
  let engine: CloudTrailEngine;
  before(async () => {
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
  });
  after(() => engine?.close());

  async function failure(sql: string): Promise<EngineQueryError> {
    try {
      await engine.query(sql);
    } catch (error) {
      assert.ok(error instanceof EngineQueryError, String(error));
      return error;
    }
    assert.fail(`expected ${sql} to fail`);
  }

  it('COLUMN_NOT_FOUND with line and column', async () => {
    const error = await failure('SELECT nope FROM (SELECT 1 AS x) t');
    assert.equal(error.message, "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
    assert.deepEqual([error.errorType, error.line, error.column], ['COLUMN_NOT_FOUND', 1, 8]);
  });

  it('TABLE_NOT_FOUND, FUNCTION_NOT_FOUND, SYNTAX_ERROR', async () => {
    assert.match(
      (await failure('SELECT 1\nFROM missing_table')).message,
      /^TABLE_NOT_FOUND: line 2:6: Table 'awsdatacatalog.default.missing_table' does not exist$/,
    );
    assert.match((await failure('SELECT no_such_function(1)')).message, /^FUNCTION_NOT_FOUND: line 1:8: Function 'no_such_function' not registered$/);
    assert.match((await failure('SELEC 1')).message, /^SYNTAX_ERROR: line 1:1: mismatched input 'SELEC'\. Expecting: .*'SELECT'/);
  });

  it('keeps the DuckDB message as detail', async () => {
    const error = await failure("SELECT CAST('x' AS INTEGER)");
    assert.equal(error.errorType, 'INVALID_CAST_ARGUMENT');
    assert.match(error.detail, /Conversion Error/);
  });
});

describe('engine: schemas and catalogs as Athena names them', () => {
  it('a table attached in a schema resolves qualified, fully qualified (awsdatacatalog) and through the default database', async () => {
    const { sampleLogs, scalar } = await import('./helpers.ts');
    const logs = await sampleLogs(300);
    const engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    try {
      await engine.attach({ root: logs.root, schema: 'trailsight', table: 'cloudtrail_logs', lazy: true });
      assert.equal(scalar(await engine.query('SELECT count(*) FROM trailsight.cloudtrail_logs')), 300);
      assert.equal(scalar(await engine.query('SELECT count(*) FROM "awsdatacatalog"."trailsight"."cloudtrail_logs"')), 300);
      assert.equal(
        (scalar(await engine.query(`SELECT count(*) FROM cloudtrail_logs WHERE region = 'us-east-1'`, { database: 'trailsight' })) as number) > 0,
        true,
      );
      await assert.rejects(engine.query('SELECT count(*) FROM cloudtrail_logs'), /TABLE_NOT_FOUND/);
    } finally {
      await engine.close();
      logs.remove();
    }
  });
});
