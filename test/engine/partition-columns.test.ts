import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { eventRecord, tempDir } from './helpers.ts';

/**
 * A folder's partition values come from its path, read once per folder where it holds many files
 * (constants in a read of its own) and once per event elsewhere (from each file's path): both ways
 * must give the same columns, for envelopes and for one event per line.
 */
describe('engine: partition columns, whether a folder holds many files or few', () => {
  const dir = tempDir('partition-columns');
  let engine: CloudTrailEngine;
  const busy = join(dir.path, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20');
  const organization = join(dir.path, 'AWSLogs', 'o-abc123def4', '222233334444', 'CloudTrail', 'eu-west-1', '2024', '11', '21');
  const lines = join(dir.path, 'AWSLogs', '333344445555', 'CloudTrail', 'ap-south-1', '2024', '11', '19');
  const elsewhere = join(dir.path, 'exports');

  before(async () => {
    for (const folder of [busy, organization, lines, elsewhere]) mkdirSync(folder, { recursive: true });
    const envelope = (id: string) => gzipSync(JSON.stringify({ Records: [eventRecord(`${id}-a`), eventRecord(`${id}-b`)] }));
    for (let i = 0; i < 100; i++)
      writeFileSync(join(busy, `111122223333_CloudTrail_us-east-1_20241120T${String(i).padStart(4, '0')}Z_busy${i}_.json.gz`), envelope(`busy${i}`));
    for (let i = 0; i < 3; i++) writeFileSync(join(organization, `222233334444_CloudTrail_eu-west-1_20241121T000${i}Z_org${i}_.json.gz`), envelope(`org${i}`));
    for (let i = 0; i < 70; i++) writeFileSync(join(lines, `events-${i}.jsonl`), `${JSON.stringify(eventRecord(`line${i}`))}\n`);
    writeFileSync(join(elsewhere, '_export_.json.gz'), envelope('export'));
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    const report = await engine.attach({ root: dir.path });
    assert.equal(report.filesIngested, 174);
  });
  after(async () => {
    await engine?.close();
    dir.remove();
  });

  it('every event has its folder’s account, Region and day, or none outside the layout', async () => {
    const result = await engine.query(
      `SELECT account, region, "timestamp", count(*) AS events, count(DISTINCT "$path") AS files FROM cloudtrail_logs GROUP BY 1, 2, 3 ORDER BY 1 NULLS LAST`,
    );
    assert.deepEqual(result.rows, [
      ['111122223333', 'us-east-1', '2024/11/20', 200, 100],
      ['222233334444', 'eu-west-1', '2024/11/21', 6, 3],
      ['333344445555', 'ap-south-1', '2024/11/19', 70, 70],
      [null, null, null, 2, 1],
    ]);
  });

  it('each event keeps its own file', async () => {
    const result = await engine.query(
      `SELECT count(*) FROM cloudtrail_logs WHERE strpos("$path", '_' || split_part(eventid, '-', 1) || '_') = 0 AND NOT eventid LIKE 'line%'`,
    );
    assert.deepEqual(result.rows, [[0]]);
    const lineFiles = await engine.query(
      `SELECT count(*) FROM cloudtrail_logs WHERE eventid LIKE 'line%' AND "$path" NOT LIKE '%/events-' || substr(eventid, 5) || '.jsonl'`,
    );
    assert.deepEqual(lineFiles.rows, [[0]]);
  });
});
