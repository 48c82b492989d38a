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
    assert.match((await failure('SELECT 1\nFROM missing_table')).message, /^TABLE_NOT_FOUND: line 2:6: Table 'missing_table' does not exist$/);
    assert.match((await failure('SELECT no_such_function(1)')).message, /^FUNCTION_NOT_FOUND: line 1:8: Function 'no_such_function' not registered$/);
    assert.match((await failure('SELEC 1')).message, /^SYNTAX_ERROR: line 1:1: mismatched input 'SELEC'$/);
  });

  it('keeps the DuckDB message as detail', async () => {
    const error = await failure('SELECT CAST(\'x\' AS INTEGER)');
    assert.equal(error.errorType, 'INVALID_CAST_ARGUMENT');
    assert.match(error.detail, /Conversion Error/);
  });
});
