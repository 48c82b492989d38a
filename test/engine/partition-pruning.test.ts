import assert from 'node:assert/strict';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { scanLogFiles } from '../../src/engine/files/scan.ts';
import { sampleLogs, scalar } from './helpers.ts';

describe('engine: a filter on partitions opens only those files (lazy attach)', () => {
  let logs: Awaited<ReturnType<typeof sampleLogs>>;
  let files: Awaited<ReturnType<typeof scanLogFiles>>;
  let engine: CloudTrailEngine;
  let eager: CloudTrailEngine;

  before(async () => {
    logs = await sampleLogs(3000);
    files = await scanLogFiles(logs.root);
    eager = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    await eager.attach({ root: logs.root });
  });
  beforeEach(async () => {
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    const report = await engine.attach({ root: logs.root, lazy: true });
    assert.equal(report.filesIngested, 0);
    assert.equal(engine.counters.filesOpened, 0);
  });
  afterEach(() => engine?.close());
  after(async () => {
    await eager?.close();
    logs?.remove();
  });

  /** Runs the query lazily and eagerly; returns the files the lazy engine opened. */
  async function opened(sql: string): Promise<number> {
    const before = engine.counters.filesOpened;
    const lazy = await engine.query(sql);
    assert.deepEqual(lazy.rows, (await eager.query(sql)).rows, 'the lazy engine answers as the eager one');
    return engine.counters.filesOpened - before;
  }

  const matching = (keep: (f: (typeof files)[number]) => boolean) => files.filter(keep).length;

  it('equality on account and region', async () => {
    const sql = `SELECT count(*), min(eventtime) FROM cloudtrail_logs WHERE account = '444455556666' AND region = 'eu-west-1'`;
    const expected = matching((f) => f.account === '444455556666' && f.region === 'eu-west-1');
    assert.ok(expected > 0 && expected < files.length / 5);
    assert.equal(await opened(sql), expected);
    assert.equal(await opened(sql), 0, 'a second run opens nothing');
  });

  it('IN, BETWEEN and ranges on the day, through an alias and a subquery', async () => {
    const sql = `SELECT count(*) FROM (SELECT * FROM cloudtrail_logs AS t WHERE t."timestamp" BETWEEN '2024/11/19' AND '2024/11/20' AND t.region IN ('us-east-1', 'us-west-2')) x`;
    assert.equal(
      await opened(sql),
      matching((f) => f.timestamp! >= '2024/11/19' && f.region !== null && ['us-east-1', 'us-west-2'].includes(f.region)),
    );
    const later = `SELECT count(*) FROM cloudtrail_logs WHERE "timestamp" > '2024/11/18' AND eventname = 'ConsoleLogin'`;
    // The days after 11/18, but for the files the first query has read already.
    assert.equal(
      await opened(later),
      matching((f) => f.timestamp! > '2024/11/18' && !['us-east-1', 'us-west-2'].includes(f.region!)),
    );
  });

  it('ranges computed with functions, as Athena partition-projection queries write them', async () => {
    const sql = `SELECT count(*) FROM cloudtrail_logs WHERE "timestamp" >= date_format(DATE '2024-11-20' - interval '1' day, '%Y/%m/%d') AND account = '777788889999'`;
    assert.equal(
      await opened(sql),
      matching((f) => f.timestamp! >= '2024/11/19' && f.account === '777788889999'),
    );
  });

  it('reads everything when the filter mixes partitions with other columns under OR, or there is none', async () => {
    assert.equal(await opened(`SELECT count(*) FROM cloudtrail_logs WHERE region = 'eu-west-1' OR eventname = 'StopInstances'`), files.length);
    assert.equal(await opened('SELECT count(*) FROM cloudtrail_logs'), 0, 'everything is already read');
    assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 3000);
  });

  it('each side of a join or union prunes on its own predicates', async () => {
    const sql = `SELECT count(*) FROM cloudtrail_logs a JOIN cloudtrail_logs b ON a.eventid = b.eventid
      WHERE a.account = '111122223333' AND a.region = 'ap-southeast-2' AND b.account = '111122223333' AND b.region = 'ap-southeast-2'
      UNION ALL SELECT count(*) FROM cloudtrail_logs WHERE region = 'us-west-2' AND account = '777788889999'`;
    assert.equal(
      await opened(sql),
      matching((f) => (f.account === '111122223333' && f.region === 'ap-southeast-2') || (f.account === '777788889999' && f.region === 'us-west-2')),
    );
  });

  it('an outer join reads every file', async () => {
    const sql = `SELECT count(*) FROM (SELECT 1 AS x) o LEFT JOIN cloudtrail_logs c ON c.region = 'eu-west-1' WHERE c.account = '111122223333'`;
    assert.equal(await opened(sql), files.length);
  });
});
