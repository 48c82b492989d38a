import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CloudTrailEngine, type IngestReport } from '../../src/engine/index.ts';
import { isReadError } from '../../src/engine/ingest/bad-file.ts';
import { scalar, tempDir } from './helpers.ts';

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: '1.08',
  eventTime: '2024-11-20T10:00:00Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DescribeInstances',
  awsRegion: 'us-east-1',
  eventID: id,
  userIdentity: { type: 'IAMUser', userName: 'alice' },
  ...extra,
});
const envelope = (...records: unknown[]) => JSON.stringify({ Records: records });
const CLOUDTRAIL_NAME = '111122223333_CloudTrail_us-east-1_20241120T';

describe('engine: bad files are reported and skipped, good records all load', () => {
  const dir = tempDir('bad-files');
  const day = join(dir.path, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20');
  const file = (name: string) => join(day, name);
  let report: IngestReport;
  let engine: CloudTrailEngine;

  before(async () => {
    mkdirSync(day, { recursive: true });
    writeFileSync(file('good-1.json.gz'), gzipSync(envelope(event('g1'), event('g2'), event('g3'))));
    writeFileSync(file('good-2.json'), envelope(event('g4'), event('g5')));
    writeFileSync(file('good-3.jsonl'), `${JSON.stringify(event('g6'))}\n${JSON.stringify(event('g7'))}\n`);
    writeFileSync(file('good-empty-records.json'), envelope());
    writeFileSync(file('good-pretty.json'), JSON.stringify({ Records: [event('g8'), event('g9')] }, null, 2));
    writeFileSync(file('good-pretty-event.json'), JSON.stringify(event('g10'), null, 2));
    const big = gzipSync(envelope(...Array.from({ length: 400 }, (_, i) => event(`t${i}`, { requestParameters: { filler: 'x'.repeat(200 + i) } }))));
    writeFileSync(file('truncated.json.gz'), big.subarray(0, Math.floor(big.length / 2)));
    // Named as CloudTrail names its files (read without sniffing), but one is truncated and one is not gzip at all.
    writeFileSync(file('111122223333_CloudTrail_us-east-1_20241120T1000Z_TRUNCATEDAAAAAAA.json.gz'), big.subarray(0, Math.floor(big.length / 3)));
    writeFileSync(
      file('111122223333_CloudTrail_us-east-1_20241120T1005Z_PLAINJSONAAAAAAA.json.gz'),
      envelope(...Array.from({ length: 10 }, (_, i) => event(`p${i}`, { userAgent: 'x'.repeat(100) }))),
    );
    // Small files named as CloudTrail names its files (read as envelopes first, looked at when that finds no event).
    writeFileSync(file(`${CLOUDTRAIL_NAME}1010Z_EMPTYGZIPAAAAAAA.json.gz`), gzipSync(''));
    writeFileSync(file(`${CLOUDTRAIL_NAME}1015Z_NORECORDSAAAAAA.json.gz`), gzipSync(envelope()));
    writeFileSync(file(`${CLOUDTRAIL_NAME}1020Z_ONEEVENTLINEAAA.json.gz`), gzipSync(JSON.stringify(event('g11'))));
    writeFileSync(file(`${CLOUDTRAIL_NAME}1025Z_OTHERJSONAAAAAA.json.gz`), gzipSync(JSON.stringify({ hello: 'world' })));
    writeFileSync(file('invalid.json'), '{"Records":[{"eventVersion":"1.08",');
    writeFileSync(file('not-cloudtrail.json'), JSON.stringify({ hello: 'world', items: [1, 2, 3] }));
    writeFileSync(file('wrong-shape.json'), envelope(event('w1'), event('w2', { userIdentity: 'not-an-object' })));
    writeFileSync(file('empty.json'), '');
    writeFileSync(file('empty.json.gz'), gzipSync(''));
    writeFileSync(file('text.json'), 'this is not json');
    const noise = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 197 + 13) % 256));
    writeFileSync(file('binary.json'), noise);
    writeFileSync(file('binary-inside.json.gz'), gzipSync(noise));
    writeFileSync(file('notes.txt'), 'ignored: not a log file name');
    const digest = join(dir.path, 'AWSLogs', '111122223333', 'CloudTrail-Digest', 'us-east-1', '2024', '11', '20');
    mkdirSync(digest, { recursive: true });
    writeFileSync(
      join(digest, '111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20241120T100000Z.json.gz'),
      gzipSync('{"awsAccountId":"111122223333","logFiles":[]}'),
    );
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    report = await engine.attach({ root: dir.path });
  });
  after(async () => {
    await engine?.close();
    dir.remove();
  });

  it('loads every record of the good files', async () => {
    assert.equal(report.filesScanned, 21, 'notes.txt and the digest file are not log files');
    assert.equal(report.filesIngested, 9, 'an envelope without records is a good file');
    assert.equal(report.recordsLoaded, 21);
    assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 21);
    const ids = await engine.query(`SELECT array_agg(eventid ORDER BY eventid) FROM cloudtrail_logs WHERE eventid LIKE 'g%'`);
    assert.deepEqual(
      scalar(ids),
      ['g1', 'g10', 'g11', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9'],
      'pretty-printed files load too, and a file named as CloudTrail names them holding one event per line',
    );
    assert.equal(scalar(await engine.query(`SELECT count(*) FROM cloudtrail_logs WHERE eventid LIKE 'p%'`)), 10, 'a .json.gz that is plain JSON still loads');
  });

  it('reports each bad file with its path and a reason', () => {
    const reasons = Object.fromEntries(report.badFiles.map((b) => [b.path.slice(day.length + 1), b.reason]));
    const truncatedName = '111122223333_CloudTrail_us-east-1_20241120T1000Z_TRUNCATEDAAAAAAA.json.gz';
    assert.deepEqual(Object.keys(reasons).sort(), [
      truncatedName,
      `${CLOUDTRAIL_NAME}1010Z_EMPTYGZIPAAAAAAA.json.gz`,
      `${CLOUDTRAIL_NAME}1025Z_OTHERJSONAAAAAA.json.gz`,
      'binary-inside.json.gz',
      'binary.json',
      'empty.json',
      'empty.json.gz',
      'invalid.json',
      'not-cloudtrail.json',
      'text.json',
      'truncated.json.gz',
      'wrong-shape.json',
    ]);
    assert.match(reasons['truncated.json.gz'], /truncated gzip/);
    assert.match(reasons[truncatedName], /truncated gzip/);
    assert.match(reasons['invalid.json'], /invalid JSON/);
    assert.match(reasons['not-cloudtrail.json'], /not a CloudTrail log/);
    assert.match(reasons['wrong-shape.json'], /not the CloudTrail record shape/);
    assert.match(reasons['empty.json'], /empty file/);
    assert.match(reasons['empty.json.gz'], /empty file/);
    assert.match(reasons[`${CLOUDTRAIL_NAME}1010Z_EMPTYGZIPAAAAAAA.json.gz`], /empty file/);
    assert.match(reasons[`${CLOUDTRAIL_NAME}1025Z_OTHERJSONAAAAAA.json.gz`], /not a CloudTrail log/);
    assert.match(reasons['text.json'], /not JSON/);
    assert.equal(reasons['binary.json'], 'not JSON: binary data', 'no raw bytes in a message for a terminal');
    assert.equal(reasons['binary-inside.json.gz'], 'not JSON: binary data inside the gzip');
  });

  it('reconciles: records found = records loaded + records in the reported files', () => {
    const inBadFiles = report.badFiles.reduce((sum, b) => sum + b.records, 0);
    assert.equal(report.recordsFound, report.recordsLoaded + inBadFiles);
    const wrongShape = report.badFiles.find((b) => b.path.endsWith('wrong-shape.json'));
    assert.equal(wrongShape?.records, 2, 'the records of a file that cannot be loaded are still counted');
    assert.equal(report.badFiles.find((b) => b.path.endsWith('not-cloudtrail.json'))?.records, 0);
  });

  it('remembers bad files: a rerun reports them again without reading anything', async () => {
    const opened = engine.counters.filesOpened;
    const again = await engine.attach({ root: dir.path });
    assert.equal(engine.counters.filesOpened, opened);
    assert.equal(again.filesIngested, 0);
    assert.equal(again.filesSkippedUnchanged, 9);
    assert.equal(again.badFiles.length, 12);
    assert.equal(again.recordsFound, again.recordsLoaded + again.badFiles.reduce((sum, b) => sum + b.records, 0));
  });
});

describe('engine: which read errors can make a log file bad', () => {
  it("a file's content can; a full disk, a permission or DuckDB's spill files cannot", () => {
    const verdicts = Object.fromEntries(
      [
        'Invalid Input Error: Malformed JSON in file "/logs/a.json", at byte 10',
        'Conversion Error: Could not convert string "x" to INT32',
        'IO Error: Could not write file "/cache/.tmp/duckdb_temp_storage_DEFAULT-0.tmp": No space left on device',
        'IO Error: Cannot open file "/cache/segments/x.parquet.partial": Permission denied',
        'IO Error: Could not write file "/cache/x": Disk quota exceeded',
        'Binder Error: Referenced column "x" not found',
      ].map((message) => [message.slice(0, 40), isReadError(message)]),
    );
    assert.deepEqual(Object.values(verdicts), [true, true, false, false, false, false]);
  });
});
