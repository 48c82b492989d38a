import assert from 'node:assert/strict';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CreateWorkGroupCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { CreateDatabaseCommand, CreateTableCommand, UpdateTableCommand, type GlueClient } from '@aws-sdk/client-glue';
import { generateSample } from '../../src/engine/index.ts';
import { cloudTrailTableInput, readEvents, runQuery, type LoggedEvent } from './athena-helpers.ts';
import { clients, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

const BUCKET = 'projected-trail';
const RECENT = 'recent-trail';
const [A, B] = ['111122223333', '444455556666'];
const [R1, R2] = ['us-east-1', 'eu-west-1'];
const PER_PARTITION = 'SELECT account, region, timestamp, count(*) AS n FROM cloudtrail_logs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3';

/** The CloudTrail table over `bucket`, its properties overridden (undefined removes one). */
function table(bucket: string, name: string, parameters: Record<string, string | undefined>) {
  const input = cloudTrailTableInput('security', bucket);
  const merged: Record<string, string | undefined> = { ...input.TableInput.Parameters, ...parameters };
  const Parameters = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  return { DatabaseName: 'security', TableInput: { ...input.TableInput, Name: name, Parameters } };
}

const projecting = (accounts: string, regions: string, range: string) => ({
  'projection.account.type': 'enum',
  'projection.account.values': accounts,
  'projection.region.type': 'enum',
  'projection.region.values': regions,
  'projection.timestamp.range': range,
});

/** Rows of PER_PARTITION computed from the files themselves. */
function perPartition(events: readonly LoggedEvent[]): string[][] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(`${e.account}\t${e.region}\t${e.day}`, (counts.get(`${e.account}\t${e.region}\t${e.day}`) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => [...k.split('\t'), String(n)]);
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');

describe('endpoint: Athena reads only what partition projection points at', function () {
  this.timeout(180000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let athena: AthenaClient;
  let glue: GlueClient;
  let events: LoggedEvent[];
  let recent: LoggedEvent[];
  let strayEvents: number;

  before(async () => {
    endpoint = await startTestEndpoint();
    const root = join(endpoint.settings.s3Root, BUCKET);
    await generateSample({ out: root, events: 800, days: 5, endDay: '2026-11-20', seed: 11, accounts: [A, B], regions: [R1, R2] });
    events = await readEvents(root);
    // A log file outside the template's shape (no day folder): under the location, never in a projected partition.
    const day = join(root, 'AWSLogs', A, 'CloudTrail', R1, '2026', '11', '20');
    const stray = join(day, (await readdir(day)).find((f) => f.endsWith('.json.gz'))!);
    await copyFile(stray, join(root, 'AWSLogs', A, 'CloudTrail', R1, '2026', '11', 'stray.json.gz'));
    strayEvents = JSON.parse(gunzipSync(await readFile(stray)).toString('utf8')).Records.length;
    await generateSample({ out: join(endpoint.settings.s3Root, RECENT), events: 300, days: 6, seed: 12, accounts: [A], regions: [R1] });
    recent = await readEvents(join(endpoint.settings.s3Root, RECENT));
    ({ athena, glue } = clients(endpoint.url));
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'security' } }));
    await glue.send(new CreateTableCommand(table(BUCKET, 'cloudtrail_logs', projecting(A, R1, '2026/11/18,NOW'))));
    await athena.send(new CreateWorkGroupCommand({ Name: 'trailsight', Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/' } } }));
  });
  after(() => stopTestEndpoint(endpoint));

  it('counts only the projected account, region and days', async () => {
    const projected = events.filter((e) => e.account === A && e.region === R1 && e.day >= '2026/11/18');
    assert.ok(projected.length > 0 && projected.length < events.length / 2, `${projected.length} of ${events.length} events are projected`);
    const total = await runQuery(athena, 'SELECT count(*) FROM cloudtrail_logs');
    assert.equal(total.execution.Status?.State, 'SUCCEEDED', total.execution.Status?.StateChangeReason);
    assert.deepEqual(total.rows, [[String(projected.length)]]);
    assert.deepEqual((await runQuery(athena, PER_PARTITION)).rows, perPartition(projected));
    const filtered = await runQuery(athena, `SELECT count(*) FROM cloudtrail_logs WHERE account = '${B}'`);
    assert.deepEqual(filtered.rows, [['0']], 'a partition filter on an account outside the projection finds nothing');
  });

  it('UpdateTable with more enum values and an earlier start makes the other files visible', async () => {
    await glue.send(new UpdateTableCommand(table(BUCKET, 'cloudtrail_logs', projecting(`${A},${B}`, `${R1},${R2}`, '2026/11/01,NOW'))));
    assert.deepEqual((await runQuery(athena, 'SELECT count(*) FROM cloudtrail_logs')).rows, [[String(events.length)]]);
    assert.deepEqual((await runQuery(athena, PER_PARTITION)).rows, perPartition(events));
    await glue.send(new UpdateTableCommand(table(BUCKET, 'cloudtrail_logs', projecting(B, R2, '2026/11/18,NOW'))));
    assert.deepEqual(
      (await runQuery(athena, PER_PARTITION)).rows,
      perPartition(events.filter((e) => e.account === B && e.region === R2 && e.day >= '2026/11/18')),
    );
  });

  it('without projection the whole location is read, stray files included (Glue partitions are not modelled)', async () => {
    await glue.send(new UpdateTableCommand(table(BUCKET, 'cloudtrail_logs', { 'projection.enabled': 'false' })));
    const { rows } = await runQuery(athena, 'SELECT count(*), count_if(account IS NULL) FROM cloudtrail_logs');
    assert.deepEqual(rows, [[String(events.length + strayEvents), String(strayEvents)]]);
  });

  it('ranges relative to NOW move with the clock (NOW-3DAYS,NOW)', async () => {
    await glue.send(new CreateTableCommand(table(RECENT, 'recent_logs', projecting(A, R1, 'NOW-3DAYS,NOW'))));
    const expected = (now: number) => recent.filter((e) => e.day >= utcDay(now - 3 * 86_400_000)).length;
    const before = expected(Date.now());
    const { execution, rows } = await runQuery(athena, 'SELECT count(*) FROM recent_logs');
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    assert.ok(before > 0 && before < recent.length, `${before} of ${recent.length} recent events are in the last 3 days`);
    assert.ok([before, expected(Date.now())].includes(Number(rows[0][0])), `${rows[0][0]} events counted, ${before} expected`);
  });

  it('a malformed range fails the queries that name the table, with the table and the property', async () => {
    await glue.send(new UpdateTableCommand(table(BUCKET, 'cloudtrail_logs', projecting(A, R1, '2026-11-18,NOW'))));
    const { execution } = await runQuery(athena, 'SELECT count(*) FROM cloudtrail_logs');
    assert.equal(execution.Status?.State, 'FAILED');
    assert.match(
      execution.Status?.StateChangeReason ?? '',
      /^INVALID_TABLE_PROPERTY: Table security\.cloudtrail_logs: Column projection for column 'timestamp' failed\. Property: 'projection\.timestamp\.range' needs to be two dates formatted as 'yyyy\/MM\/dd' or relative to NOW .*not '2026-11-18,NOW'/,
    );
    assert.equal(execution.Status?.AthenaError?.ErrorCategory, 2, 'a user error');
    const other = await runQuery(athena, 'SELECT count(*) FROM recent_logs');
    assert.equal(other.execution.Status?.State, 'SUCCEEDED', 'a query on another table of the database still runs');
    await glue.send(new UpdateTableCommand(table(BUCKET, 'cloudtrail_logs', { 'projection.region.type': 'enumerated' })));
    const unknown = await runQuery(athena, 'SELECT count(*) FROM security.cloudtrail_logs');
    assert.match(unknown.execution.Status?.StateChangeReason ?? '', /Column projection for column 'region' failed\. Unsupported projection type 'enumerated'/);
  });
});
