import assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { cloudTrailTable } from '../../src/cloudtrail/index.ts';
import { columnsRead, compileForDuckDb, staticCatalog } from '../../src/sql/index.ts';
import { scalar, tempDir } from './helpers.ts';

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: '1.08',
  eventTime: '2024-11-20T10:00:00Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DescribeInstances',
  awsRegion: 'us-east-1',
  eventID: id,
  sourceIPAddress: `10.0.0.${id.length}`,
  userIdentity: { type: 'IAMUser', userName: `user-${id}` },
  ...extra,
});
const envelope = (...records: unknown[]) => gzipSync(JSON.stringify({ Records: records }));

/** A folder of logs with one CloudTrail day folder, and a cache folder of its own. */
function trailDay(name: string) {
  const logs = tempDir(name);
  const cache = tempDir(`${name}-cache`);
  const day = join(logs.path, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20');
  const file = (stamp: string) => join(day, `111122223333_CloudTrail_us-east-1_20241120T${stamp}Z_AAAAAAAAAAAAAAAA.json.gz`);
  const write = (stamp: string, ...records: unknown[]) => {
    mkdirSync(day, { recursive: true });
    writeFileSync(file(stamp), envelope(...records));
  };
  const remove = () => {
    logs.remove();
    cache.remove();
  };
  return { logs, cache, file, write, remove };
}

/** The columns the Parquet segments under a cache folder hold, read by a DuckDB of the test's own. */
async function segmentColumns(cacheDir: string): Promise<string[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT file_name, list(name ORDER BY name) AS columns FROM parquet_schema('${join(cacheDir, 'segments', '*', '*.parquet')}') ` +
        `WHERE name <> 'duckdb_schema' GROUP BY file_name`,
    );
    return reader.getRowObjectsJson().map((row) => (row.columns as string[]).filter((name) => !['list', 'element'].includes(name)));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('sql: the columns of a table a query reads', () => {
  const table = cloudTrailTable({ database: 'default', name: 'cloudtrail_logs', relation: 'x' });
  const read = (sql: string) => {
    const compiled = compileForDuckDb(sql, staticCatalog([table], 'default'));
    const columns = columnsRead(compiled.query, compiled.analysis, table);
    return columns === undefined ? undefined : [...columns].sort();
  };

  it('names every column a query reads, in any clause, subqueries and WITH included', () => {
    assert.deepEqual(read('SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY 1'), ['eventname']);
    assert.deepEqual(read(`SELECT count(*) FROM cloudtrail_logs WHERE useridentity.username = 'x' AND region = 'us-east-1'`), ['region', 'useridentity']);
    assert.deepEqual(
      read(
        'WITH w AS (SELECT sourceipaddress AS ip FROM cloudtrail_logs) SELECT ip, (SELECT max(eventtime) FROM cloudtrail_logs c WHERE c.sourceipaddress = w.ip) FROM w',
      ),
      ['eventtime', 'sourceipaddress'],
    );
    assert.deepEqual(read('SELECT count(*) FROM cloudtrail_logs'), []);
    assert.deepEqual(read('SELECT "$path" FROM cloudtrail_logs ORDER BY errorcode'), ['$path', 'errorcode']);
  });

  it('a star reads every column it shows; columns renamed by an alias list: all of them', () => {
    assert.equal(read('SELECT * FROM cloudtrail_logs')?.length, table.columns.length);
    const aliases = Array.from({ length: table.columns.length }, (_, i) => `c${i}`).join(', ');
    assert.equal(read(`SELECT c0 FROM cloudtrail_logs AS t(${aliases})`), undefined);
  });
});

describe('engine: a cold query stores only the columns it reads', () => {
  const { logs, cache, file, write, remove } = trailDay('column-reads');

  before(() => {
    write('1000', event('a1'), event('a2', { eventName: 'StopInstances' }));
    write('1005', event('b1'), event('b2'), event('b3'));
    // Its userIdentity is not CloudTrail's shape: only a read of that column can tell.
    write('1010', event('c1', { userIdentity: 'not-an-object' }));
  });
  after(remove);

  it('a group-by of eventname stores eventname and the event markers, and answers from them', async () => {
    const engine = await CloudTrailEngine.open({ cacheDir: cache.path });
    try {
      await engine.attach({ root: logs.path, lazy: true });
      const result = await engine.query('SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY 1 ORDER BY 1');
      assert.deepEqual(result.rows, [
        ['DescribeInstances', 5],
        ['StopInstances', 1],
      ]);
      assert.deepEqual(engine.report()?.badFiles, [], 'the file whose userIdentity is wrong is not judged on a column not read');
    } finally {
      await engine.close();
    }
    const stored = await segmentColumns(cache.path);
    assert.equal(stored.length, 1);
    for (const name of ['eventname', 'eventsource', 'eventtime', 'account', 'region', 'timestamp', '_path']) assert.ok(stored[0].includes(name), name);
    assert.ok(!stored[0].includes('useridentity') && !stored[0].includes('sourceipaddress'), stored[0].join(', '));
  });

  it('a later query reading another column has every file read again whole: same answers, the bad file reported then', async () => {
    const engine = await CloudTrailEngine.open({ cacheDir: cache.path });
    try {
      const attached = await engine.attach({ root: logs.path, lazy: true });
      assert.equal(attached.filesSkippedUnchanged, 3);
      assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 6, 'nothing new: the stored columns answer');
      assert.equal(engine.counters.filesOpened, 0);
      const users = await engine.query('SELECT useridentity.username, sourceipaddress FROM cloudtrail_logs ORDER BY 1');
      assert.deepEqual(users.rows, [
        ['user-a1', '10.0.0.2'],
        ['user-a2', '10.0.0.2'],
        ['user-b1', '10.0.0.2'],
        ['user-b2', '10.0.0.2'],
        ['user-b3', '10.0.0.2'],
      ]);
      assert.equal(engine.counters.filesOpened, 3);
      const report = engine.report()!;
      assert.deepEqual(
        report.badFiles.map((b) => [b.path, b.records]),
        [[file('1010'), 1]],
      );
      assert.match(report.badFiles[0].reason, /not the CloudTrail record shape/);
      assert.equal(report.filesSkippedUnchanged, 2);
      assert.equal(report.recordsFound, 1, "this run loaded nothing new: only the bad file's record is found");
      assert.deepEqual((await engine.query('SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY 1 ORDER BY 1')).rows, [
        ['DescribeInstances', 4],
        ['StopInstances', 1],
      ]);
    } finally {
      await engine.close();
    }
    const stored = await segmentColumns(cache.path);
    assert.ok(
      stored.every((columns) => columns.includes('useridentity') && columns.includes('requestparameters')),
      'every column is stored now',
    );
  });

  it('a rerun after the widening reads nothing and reports the bad file again', async () => {
    const engine = await CloudTrailEngine.open({ cacheDir: cache.path });
    try {
      const report = await engine.attach({ root: logs.path, lazy: true });
      assert.deepEqual(
        report.badFiles.map((b) => b.path),
        [file('1010')],
      );
      assert.equal(scalar(await engine.query(`SELECT count(*) FROM cloudtrail_logs WHERE sourceipaddress = '10.0.0.2'`)), 5);
      assert.equal(engine.counters.filesOpened, 0);
    } finally {
      await engine.close();
    }
  });
});

describe('engine: opened with everyColumn (the endpoint), the first read stores every column', () => {
  const { logs, cache, file, write, remove } = trailDay('every-column');

  before(() => {
    write('1000', event('a1'), event('a2', { eventName: 'StopInstances' }));
    write('1005', event('b1', { userIdentity: 'not-an-object' }));
  });
  after(remove);

  it('a group-by of eventname reads each file once, whole: a later query on other columns reads nothing', async () => {
    const engine = await CloudTrailEngine.open({ cacheDir: cache.path, everyColumn: true });
    try {
      await engine.attach({ root: logs.path, lazy: true });
      assert.deepEqual((await engine.query('SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY 1 ORDER BY 1')).rows, [
        ['DescribeInstances', 1],
        ['StopInstances', 1],
      ]);
      assert.equal(engine.counters.filesOpened, 2);
      assert.deepEqual(
        engine.report()?.badFiles.map((b) => b.path),
        [file('1005')],
        'judged on every column at once',
      );
      const users = await engine.query('SELECT useridentity.username, sourceipaddress FROM cloudtrail_logs ORDER BY 1');
      assert.deepEqual(users.rows, [
        ['user-a1', '10.0.0.2'],
        ['user-a2', '10.0.0.2'],
      ]);
      assert.equal(engine.counters.filesOpened, 2, 'no second read');
    } finally {
      await engine.close();
    }
    const stored = await segmentColumns(cache.path);
    assert.equal(stored.length, 1);
    assert.ok(stored[0].includes('useridentity') && stored[0].includes('requestparameters'), stored[0].join(', '));
  });
});

describe("engine: a file's size and time are read only by the queries that name them", () => {
  const logs = tempDir('hidden-columns');
  const day = join(logs.path, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20');
  const file = join(day, '111122223333_CloudTrail_us-east-1_20241120T1000Z_AAAAAAAAAAAAAAAA.json.gz');
  let engine: CloudTrailEngine;

  before(async () => {
    mkdirSync(day, { recursive: true });
    writeFileSync(file, envelope(event('h1'), event('h2')));
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    await engine.attach({ root: logs.path, lazy: true });
  });
  after(async () => {
    await engine?.close();
    logs.remove();
  });

  it('"$file_size" and "$file_modified_time" are the file\'s, in a subquery too; other queries answer the same without them', async () => {
    const { size, mtimeMs } = statSync(file);
    const direct = await engine.query('SELECT DISTINCT "$path", "$file_size", to_unixtime("$file_modified_time") FROM cloudtrail_logs');
    assert.deepEqual(
      direct.rows.map(([path, bytes]) => [path, bytes]),
      [[file, size]],
    );
    assert.ok(Math.abs(Number(direct.rows[0][2]) - mtimeMs / 1000) < 1e-5, `${direct.rows[0][2]} is the file's time, ${mtimeMs / 1000}`);
    const nested = await engine.query('SELECT count(*) FROM (SELECT eventid, "$file_size" AS s FROM cloudtrail_logs) WHERE s = ?', {
      parameters: [String(size)],
    });
    assert.equal(scalar(nested), 2);
    assert.equal(scalar(await engine.query('SELECT count(DISTINCT "$path") FROM cloudtrail_logs')), 1);
    assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 2);
  });
});
