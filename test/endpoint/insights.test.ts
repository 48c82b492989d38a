import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-glue';
import { INSIGHTS_TABLE } from '../../src/cloudtrail/index.ts';
import { glueTable } from '../../src/compile/glue/table.ts';
import type { ProjectSpec } from '../../src/language/schema/index.ts';
import { DOCS_RECORDS, writeLogFile } from '../fixtures/insights/docs-records.ts';
import { createTrailsightDatabase, runQuery } from './athena-helpers.ts';
import { ACCOUNT, clients, removeDir, startTestEndpoint, stopTestEndpoint, tempDir } from './helpers.ts';

const ORG = 'o-a1b2c3d4e5';
const BUCKET = 'trail-bucket';

/** One management call in the account's CloudTrail/ folder, on the day of the documented Start record. */
const CALL = {
  eventVersion: '1.09',
  userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/CodeDeployRole1/deploy`, accountId: ACCOUNT },
  eventTime: '2023-07-10T01:42:31Z',
  eventSource: 'autoscaling.amazonaws.com',
  eventName: 'CompleteLifecycleAction',
  awsRegion: 'us-east-1',
  sourceIPAddress: 'codedeploy.amazonaws.com',
  userAgent: 'codedeploy.amazonaws.com',
  eventID: '0f1e2d3c-0000-4000-8000-00000000aaaa',
  eventType: 'AwsApiCall',
  recipientAccountId: ACCOUNT,
  eventCategory: 'Management',
};

/**
 * The compiled Insights table on the local endpoint, with the real SDK over HTTP: Glue stores it,
 * Athena reads the `CloudTrail-Insight/` files it projects (of a single account's trail or an
 * organization's) with its columns, and neither table reads the other's files.
 */
describe('endpoint: Athena over the compiled cloudtrail_insights table', function () {
  this.timeout(120_000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>> | undefined;
  let logs: string;
  let sdk: ReturnType<typeof clients>;

  before(async () => {
    logs = await tempDir('insights-logs');
    const [start, errorStart, errorEnd] = DOCS_RECORDS;
    // The documented records, in the folders a trail delivers them to: the account's own, and an organization's.
    const recipient = { ...start, recipientAccountId: ACCOUNT };
    writeLogFile(
      logs,
      `AWSLogs/${ACCOUNT}/CloudTrail-Insight/us-east-1/2023/07/10/${ACCOUNT}_CloudTrail-Insight_us-east-1_20230710T0145Z_a1B2c3D4e5F6g7H8.json.gz`,
      [recipient],
    );
    writeLogFile(
      logs,
      `AWSLogs/${ORG}/${ACCOUNT}/CloudTrail-Insight/us-east-1/2024/12/11/${ACCOUNT}_CloudTrail-Insight_us-east-1_20241211T1655Z_Z9y8X7w6V5u4T3s2.json.gz`,
      [errorStart, errorEnd],
    );
    writeLogFile(logs, `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2023/07/10/${ACCOUNT}_CloudTrail_us-east-1_20230710T0145Z_QqWwEeRrTtYyUuIi.json.gz`, [CALL]);
    endpoint = await startTestEndpoint({ s3Mounts: [{ bucket: BUCKET, prefix: 'AWSLogs/', dir: join(logs, 'AWSLogs') }] });
    sdk = clients(endpoint.url);
    await createTrailsightDatabase(sdk);
  });
  after(async () => {
    await stopTestEndpoint(endpoint);
    await removeDir(logs);
  });

  const project = (organizationId?: string) =>
    ({
      glue: { database: 'trailsight', table: 'cloudtrail_logs' },
      source: { bucket: BUCKET, accounts: [ACCOUNT], regions: ['us-east-1'], firstDay: '2023-01-01', ...(organizationId ? { organizationId } : {}) },
    }) as ProjectSpec;

  /** Creates the compiled tables (again) for the Project's layout, exactly as `compile` makes their requests. */
  async function createTables(organizationId?: string): Promise<void> {
    for (const table of [undefined, INSIGHTS_TABLE]) {
      const input = glueTable({ project: project(organizationId), database: 'trailsight', ...(table ? { table } : {}) });
      await sdk.glue.send(new DeleteTableCommand({ DatabaseName: 'trailsight', Name: input.TableInput!.Name! })).catch(() => undefined);
      await sdk.glue.send(new CreateTableCommand(input));
    }
  }

  async function rows(sql: string): Promise<(string | null | undefined)[][]> {
    const { execution, rows } = await runQuery(sdk.athena, sql, { database: 'trailsight' });
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    return rows;
  }

  it("reads the account's CloudTrail-Insight/ files, typed as Athena types the Insights columns", async () => {
    await createTables();
    const { execution, header, rows } = await runQuery(
      sdk.athena,
      `SELECT eventid, insightdetails.eventname AS api, insightdetails.insightcontext.statistics.baseline.average AS baseline,
              insightdetails.insightcontext.statistics.insightduration AS minutes, account, region, "timestamp"
       FROM cloudtrail_insights`,
      { database: 'trailsight' },
    );
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    assert.deepEqual(header, ['eventid', 'api', 'baseline', 'minutes', 'account', 'region', 'timestamp']);
    assert.deepEqual(rows, [['55ed45c5-0b0c-4228-9fe5-EXAMPLEc3f4d', 'CompleteLifecycleAction', '9.82222E-5', '1', ACCOUNT, 'us-east-1', '2023/07/10']]);
  });

  it("the events' table does not read the Insights files, nor the Insights table the events'", async () => {
    assert.deepEqual(await rows('SELECT eventid FROM cloudtrail_logs'), [[CALL.eventID]]);
    assert.deepEqual(await rows(`SELECT count(*) FROM cloudtrail_insights WHERE eventtype <> 'AwsCloudTrailInsight'`), [['0']]);
  });

  it('joins an Insights event to the calls around it', async () => {
    const joined = await rows(
      `SELECT i.sharedeventid, c.eventid
       FROM cloudtrail_insights i JOIN cloudtrail_logs c
         ON c.account = i.account AND c.eventsource = i.insightdetails.eventsource AND c.eventname = i.insightdetails.eventname
        AND from_iso8601_timestamp(c.eventtime) BETWEEN from_iso8601_timestamp(i.eventtime) - interval '5' minute
                                                    AND from_iso8601_timestamp(i.eventtime) + interval '5' minute`,
    );
    assert.deepEqual(joined, [['979c82fe-14d4-4e4c-aa01-EXAMPLE3acee', CALL.eventID]]);
  });

  it("an organization trail's: AWSLogs/o-…/<account>/CloudTrail-Insight/ exactly when the Project names the organization", async () => {
    await createTables(ORG);
    assert.deepEqual(await rows(`SELECT insightdetails.state, insightdetails.errorcode, account FROM cloudtrail_insights ORDER BY eventtime`), [
      ['Start', 'QueryIdNotFoundException', ACCOUNT],
      ['End', 'QueryIdNotFoundException', ACCOUNT],
    ]);
    assert.deepEqual(await rows('SELECT count(*) FROM cloudtrail_logs'), [['0']], 'the organization has no events here');
  });

  it('without partition projection, a table over the whole AWSLogs/ folder still reads only its own files', async () => {
    for (const table of [undefined, INSIGHTS_TABLE]) {
      const input = glueTable({ project: project(), database: 'trailsight', ...(table ? { table } : {}) });
      const name = input.TableInput!.Name!;
      await sdk.glue.send(new DeleteTableCommand({ DatabaseName: 'trailsight', Name: name }));
      const { PartitionKeys: _keys, Parameters: _projection, ...plain } = input.TableInput!;
      await sdk.glue.send(new CreateTableCommand({ DatabaseName: 'trailsight', TableInput: plain }));
    }
    assert.deepEqual(await rows('SELECT count(*) FROM cloudtrail_insights'), [['3']], 'every Insights file, of both layouts');
    assert.deepEqual(await rows('SELECT eventid FROM cloudtrail_logs'), [[CALL.eventID]]);
  });
});
