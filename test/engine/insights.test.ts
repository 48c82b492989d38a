import assert from 'node:assert/strict';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { DOCS_RECORDS, writeLogFile } from '../fixtures/insights/docs-records.ts';
import { column, scalar, tempDir } from './helpers.ts';

const CALL = {
  eventVersion: '1.09',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userName: 'alice' },
  eventTime: '2023-07-10T01:41:12Z',
  eventSource: 'autoscaling.amazonaws.com',
  eventName: 'CompleteLifecycleAction',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.1',
  userAgent: 'codedeploy.amazonaws.com',
  requestID: 'f4c7c6b4-0000-4000-8000-000000000001',
  eventID: 'f4c7c6b4-0000-4000-8000-000000000002',
  eventType: 'AwsApiCall',
  recipientAccountId: '123456789012',
  eventCategory: 'Management',
};

describe('engine: Insights events (CloudTrail-Insight/ folders) as the cloudtrail_insights table', () => {
  const dir = tempDir('insights');
  let engine: CloudTrailEngine;

  before(async () => {
    const [start, errorStart, errorEnd] = DOCS_RECORDS;
    writeLogFile(
      dir.path,
      'AWSLogs/123456789012/CloudTrail-Insight/us-east-1/2023/07/10/123456789012_CloudTrail-Insight_us-east-1_20230710T0145Z_a1B2c3D4e5F6g7H8.json.gz',
      [start],
    );
    writeLogFile(
      dir.path,
      'AWSLogs/o-a1b2c3d4e5/888888888888/CloudTrail-Insight/us-east-1/2024/12/11/888888888888_CloudTrail-Insight_us-east-1_20241211T1655Z_Z9y8X7w6V5u4T3s2.json.gz',
      [errorStart, errorEnd],
    );
    writeLogFile(dir.path, 'AWSLogs/123456789012/CloudTrail/us-east-1/2023/07/10/123456789012_CloudTrail_us-east-1_20230710T0145Z_QqWwEeRrTtYyUuIi.json.gz', [
      CALL,
    ]);
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    await engine.attach({ root: dir.path });
    await engine.attach({ root: dir.path, records: 'insights' });
  });
  after(async () => {
    await engine?.close();
    dir.remove();
  });

  it('reads every record of the documented examples, with its partitions, and nothing of the trail’s events', async () => {
    const rows = await engine.query(
      `SELECT eventid, eventtime, insightdetails.state, insightdetails.insighttype, insightdetails.errorcode, account, region, "timestamp", eventcategory
       FROM cloudtrail_insights ORDER BY eventtime`,
    );
    assert.deepEqual(rows.rows, [
      [
        '55ed45c5-0b0c-4228-9fe5-EXAMPLEc3f4d',
        '2023-07-10T01:42:00Z',
        'Start',
        'ApiCallRateInsight',
        null,
        '123456789012',
        'us-east-1',
        '2023/07/10',
        'Insight',
      ],
      [
        '18378b1e-3653-433d-ba1e-aa11a5958f0c',
        '2024-12-11T16:52:00Z',
        'Start',
        'ApiErrorRateInsight',
        'QueryIdNotFoundException',
        '888888888888',
        'us-east-1',
        '2024/12/11',
        'Insight',
      ],
      [
        'b32f10a0-f039-419a-bad7-e95468930a4f',
        '2024-12-11T16:53:00Z',
        'End',
        'ApiErrorRateInsight',
        'QueryIdNotFoundException',
        '888888888888',
        'us-east-1',
        '2024/12/11',
        'Insight',
      ],
    ]);
    assert.deepEqual(engine.report({ table: 'cloudtrail_insights' })?.badFiles, []);
  });

  it('keeps the two tables apart: the Insights files are not events, the events are not Insights', async () => {
    assert.deepEqual(column(await engine.query('SELECT eventid FROM cloudtrail_logs')), [CALL.eventID]);
    assert.equal(scalar(await engine.query(`SELECT count(*) FROM cloudtrail_logs WHERE "$path" LIKE '%CloudTrail-Insight%'`)), 0);
    assert.equal(scalar(await engine.query(`SELECT count(*) FROM cloudtrail_insights WHERE "$path" NOT LIKE '%/CloudTrail-Insight/%'`)), 0);
  });

  it('types the statistics as Athena would: averages double, durations integer, attributions an array of rows', async () => {
    const result = await engine.query(
      `SELECT insightdetails.insightcontext.statistics.baseline.average AS baseline, insightdetails.insightcontext.statistics.insight.average AS insight,
              insightdetails.insightcontext.statistics.insightduration AS minutes, insightdetails.insightcontext.statistics.baselineduration AS baseline_minutes,
              cardinality(insightdetails.insightcontext.attributions) AS attributions
       FROM cloudtrail_insights ORDER BY eventtime`,
    );
    assert.deepEqual(
      result.columns.map((c) => c.type),
      ['double', 'double', 'integer', 'integer', 'bigint'],
    );
    assert.deepEqual(result.rows, [
      [9.82222e-5, 5, 1, 10181, 3],
      [0, 1.2, 5, 11092, 2],
      [0, 6, 1, 11092, 2],
    ]);
  });

  it('answers what the dashboards ask: the pair by sharedEventID, the top principal, the "null" error code as text', async () => {
    const pair = await engine.query(
      `SELECT sharedeventid, min(eventtime) FILTER (WHERE insightdetails.state = 'Start'), max(eventtime) FILTER (WHERE insightdetails.state = 'End')
       FROM cloudtrail_insights WHERE insightdetails.insighttype = 'ApiErrorRateInsight' GROUP BY 1`,
    );
    assert.deepEqual(pair.rows, [['fccb064f-dd07-4822-97c0-11115d8b91d4', '2024-12-11T16:52:00Z', '2024-12-11T16:53:00Z']]);
    const attributed = await engine.query(
      `SELECT element_at(filter(insightdetails.insightcontext.attributions, a -> a.attribute = 'userIdentityArn'), 1).insight[1].value,
              transform(filter(insightdetails.insightcontext.attributions, a -> a.attribute = 'errorCode'), a -> a.insight[1].value)
       FROM cloudtrail_insights ORDER BY eventtime LIMIT 1`,
    );
    assert.deepEqual(attributed.rows, [['arn:aws:sts::123456789012:assumed-role/CodeDeployRole1', ['null']]]);
  });
});
