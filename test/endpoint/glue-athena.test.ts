import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateWorkGroupCommand,
  DeleteWorkGroupCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  ListQueryExecutionsCommand,
  ListTagsForResourceCommand,
  ListWorkGroupsCommand,
  StartQueryExecutionCommand,
  TagResourceCommand as TagWorkGroupCommand,
  UpdateWorkGroupCommand,
  type AthenaClient,
} from '@aws-sdk/client-athena';
import {
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  GetTableCommand,
  GetTablesCommand,
  GetTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateTableCommand,
  type GlueClient,
} from '@aws-sdk/client-glue';
import { generateSample } from '../../src/engine/index.ts';
import { cloudTrailTableInput, readEvents, runQuery, type LoggedEvent } from './athena-helpers.ts';
import { ACCOUNT, clients, failure, REGION, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

const BUCKET = 'trail-bucket';

describe('endpoint: a Glue CloudTrail table answers Athena SQL on DuckDB', function () {
  this.timeout(180000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let athena: AthenaClient;
  let glue: GlueClient;
  let events: LoggedEvent[];

  before(async () => {
    endpoint = await startTestEndpoint();
    await generateSample({ out: join(endpoint.settings.s3Root, BUCKET), events: 1500, days: 3, endDay: '2026-11-20', seed: 7 });
    events = await readEvents(join(endpoint.settings.s3Root, BUCKET));
    assert.ok(events.length >= 1500, `the sample has ${events.length} events`);
    ({ athena, glue } = clients(endpoint.url));
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'security' }, Tags: { 'managed-by': 'trailsight' } }));
    await glue.send(new CreateTableCommand(cloudTrailTableInput('security', BUCKET)));
    await athena.send(
      new CreateWorkGroupCommand({ Name: 'trailsight', Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/trailsight/' } } }),
    );
  });
  after(() => stopTestEndpoint(endpoint));

  it('counts every event', async () => {
    const { execution, header, rows } = await runQuery(athena, 'SELECT count(*) AS events FROM cloudtrail_logs');
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    assert.deepEqual(header, ['events']);
    assert.deepEqual(rows, [[String(events.length)]]);
    assert.equal((execution as { columnInfo?: { Type?: string }[] }).columnInfo?.[0]?.Type, 'bigint');
  });

  it('reads struct fields (userIdentity) as Athena does', async () => {
    const expected = new Map<string, number>();
    for (const { record } of events) {
      const type = record.userIdentity?.type;
      if (type) expected.set(type, (expected.get(type) ?? 0) + 1);
    }
    const { rows } = await runQuery(
      athena,
      'SELECT useridentity.type AS type, count(*) AS n FROM security.cloudtrail_logs WHERE useridentity.type IS NOT NULL GROUP BY 1 ORDER BY 1',
    );
    assert.deepEqual(
      rows,
      [...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, n]) => [type, String(n)]),
    );
  });

  it('extracts from the JSON text columns with json_extract_scalar', async () => {
    const expected = events.filter(({ record }) => typeof record.requestParameters?.bucketName === 'string');
    assert.ok(expected.length > 0, 'the sample has S3 calls with a bucketName');
    const { rows } = await runQuery(
      athena,
      `
      SELECT json_extract_scalar(requestparameters, '$.bucketName') AS bucket, count(*) AS n
      FROM cloudtrail_logs WHERE json_extract_scalar(requestparameters, '$.bucketName') IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    const counts = new Map<string, number>();
    for (const { record } of expected) counts.set(record.requestParameters.bucketName, (counts.get(record.requestParameters.bucketName) ?? 0) + 1);
    assert.deepEqual(
      rows,
      [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([bucket, n]) => [bucket, String(n)]),
    );
  });

  it('filters on the partition columns (account, region, day)', async () => {
    const [account, region, day] = [events[0].account, events[0].region, events[0].day];
    const expected = events.filter((e) => e.account === account && e.region === region && e.day === day).length;
    const { rows } = await runQuery(
      athena,
      `SELECT count(*) FROM cloudtrail_logs WHERE account = '${account}' AND region = '${region}' AND timestamp = '${day}'`,
    );
    assert.deepEqual(rows, [[String(expected)]]);
    const days = await runQuery(athena, `SELECT timestamp, count(*) FROM cloudtrail_logs WHERE timestamp >= '2026/11/19' GROUP BY 1 ORDER BY 1`);
    const perDay = new Map<string, number>();
    for (const e of events) if (e.day >= '2026/11/19') perDay.set(e.day, (perDay.get(e.day) ?? 0) + 1);
    assert.deepEqual(
      days.rows,
      [...perDay].sort().map(([d, n]) => [d, String(n)]),
    );
  });

  it('reports DataScannedInBytes: the bytes of the log files the partition filter selects', async () => {
    const sizes = new Map<string, number>(); // "account/region/yyyy/MM/dd" → bytes of its log files
    const root = join(endpoint.settings.s3Root, BUCKET);
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      const m = /AWSLogs\/(\d{12})\/CloudTrail\/([^/]+)\/(\d{4}\/\d{2}\/\d{2})\//.exec(path);
      if (entry.isFile() && m) sizes.set(`${m[1]}/${m[2]}/${m[3]}`, (sizes.get(`${m[1]}/${m[2]}/${m[3]}`) ?? 0) + statSync(path).size);
    }
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const all = await runQuery(athena, 'SELECT count(*) FROM cloudtrail_logs');
    assert.equal(all.execution.Statistics?.DataScannedInBytes, total);
    const [account, region, day] = [events[0].account, events[0].region, events[0].day];
    const one = await runQuery(athena, `SELECT count(*) FROM cloudtrail_logs WHERE account = '${account}' AND region = '${region}' AND timestamp = '${day}'`);
    assert.equal(one.execution.Statistics?.DataScannedInBytes, sizes.get(`${account}/${region}/${day}`));
    assert.ok(one.execution.Statistics!.DataScannedInBytes! < total / 4, 'a partition filter scans a fraction of the bytes');
    const none = await runQuery(athena, 'SELECT 1');
    assert.equal(none.execution.Statistics?.DataScannedInBytes, 0, 'a query that reads no table scans nothing');
  });

  it('runs the Trino functions CloudTrail queries use', async () => {
    const perDay = new Map<string, number>();
    for (const { record } of events) {
      const d = record.eventTime.slice(0, 10);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    const { execution, rows } = await runQuery(
      athena,
      `
      SELECT date_format(from_iso8601_timestamp(eventtime), '%Y-%m-%d') AS day, count(*) AS n
      FROM cloudtrail_logs GROUP BY 1 ORDER BY 1`,
    );
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    assert.deepEqual(
      rows,
      [...perDay].sort().map(([d, n]) => [d, String(n)]),
    );
  });

  it('pages results: header row first on the first page only, MaxResults per page', async () => {
    const { pages, header, rows } = await runQuery(athena, 'SELECT eventid FROM cloudtrail_logs ORDER BY eventid', { pageSize: 500 });
    assert.deepEqual(header, ['eventid']);
    assert.equal(pages.length, Math.ceil((events.length + 1) / 500));
    assert.ok(pages.slice(0, -1).every((p) => p.length === 500));
    assert.deepEqual(
      rows.map((r) => r[0]),
      events.map((e) => e.record.eventID).sort(),
    );
    assert.ok(!rows.some((r) => r[0] === 'eventid'), 'the header appears once');
  });

  it('writes the result CSV to the output location under the S3 root', async () => {
    const { execution } = await runQuery(athena, "SELECT 'a,b' AS text, 1 AS one");
    const location = execution.ResultConfiguration?.OutputLocation ?? '';
    assert.match(location, /^s3:\/\/athena-results\/trailsight\/[0-9a-f-]+\.csv$/);
    const file = join(endpoint.settings.s3Root, location.slice('s3://'.length));
    assert.ok(existsSync(file));
    assert.equal(readFileSync(file, 'utf8'), '"text","one"\n"a,b","1"\n');
  });

  it("a failing query is a FAILED execution with Athena's kind of message", async () => {
    const column = await runQuery(athena, 'SELECT nosuchcolumn FROM cloudtrail_logs');
    assert.equal(column.execution.Status?.State, 'FAILED');
    assert.match(column.execution.Status?.StateChangeReason ?? '', /^COLUMN_NOT_FOUND: line 1:8: Column 'nosuchcolumn' cannot be resolved/);
    const table = await runQuery(athena, 'SELECT * FROM no_such_table');
    assert.match(table.execution.Status?.StateChangeReason ?? '', /^TABLE_NOT_FOUND: /);
    const results = await failure(athena.send(new GetQueryResultsCommand({ QueryExecutionId: column.execution.QueryExecutionId })));
    assert.equal(results.name, 'InvalidRequestException');
  });

  it('refuses requests Athena refuses', async () => {
    const noOutput = await failure(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'primary' })));
    assert.equal(noOutput.name, 'InvalidRequestException');
    assert.match(noOutput.message, /No output location provided/);
    const noWorkGroup = await failure(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'nope' })));
    assert.equal(noWorkGroup.name, 'InvalidRequestException');
    const listed = await athena.send(new ListQueryExecutionsCommand({ WorkGroup: 'trailsight', MaxResults: 50 }));
    assert.ok((listed.QueryExecutionIds?.length ?? 0) >= 8);
  });

  it('workgroups: create, update the result location, tag, list, delete', async () => {
    await athena.send(new CreateWorkGroupCommand({ Name: 'scratch', Tags: [{ Key: 'managed-by', Value: 'trailsight' }] }));
    await athena.send(
      new UpdateWorkGroupCommand({ WorkGroup: 'scratch', ConfigurationUpdates: { ResultConfigurationUpdates: { OutputLocation: 's3://scratch/' } } }),
    );
    const { WorkGroup } = await athena.send(new GetWorkGroupCommand({ WorkGroup: 'scratch' }));
    assert.equal(WorkGroup?.Configuration?.ResultConfiguration?.OutputLocation, 's3://scratch/');
    // Every member of ConfigurationUpdates, as Athena applies it: given members replace, Remove… flags remove.
    await athena.send(
      new UpdateWorkGroupCommand({
        WorkGroup: 'scratch',
        ConfigurationUpdates: {
          BytesScannedCutoffPerQuery: 10_000_000,
          CustomerContentEncryptionConfiguration: { KmsKey: 'arn:aws:kms:us-east-1:123456789012:key/k' },
          ManagedQueryResultsConfigurationUpdates: { Enabled: true },
          ResultConfigurationUpdates: { ExpectedBucketOwner: ACCOUNT },
        },
      }),
    );
    await athena.send(
      new UpdateWorkGroupCommand({
        WorkGroup: 'scratch',
        ConfigurationUpdates: {
          RemoveBytesScannedCutoffPerQuery: true,
          RemoveCustomerContentEncryptionConfiguration: true,
          ResultConfigurationUpdates: { RemoveOutputLocation: true },
        },
      }),
    );
    const updated = (await athena.send(new GetWorkGroupCommand({ WorkGroup: 'scratch' }))).WorkGroup?.Configuration;
    assert.equal(updated?.BytesScannedCutoffPerQuery, undefined);
    assert.equal(updated?.CustomerContentEncryptionConfiguration, undefined);
    assert.deepEqual(updated?.ManagedQueryResultsConfiguration, { Enabled: true });
    assert.deepEqual(updated?.ResultConfiguration, { ExpectedBucketOwner: ACCOUNT });
    const ResourceARN = `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/scratch`;
    await athena.send(new TagWorkGroupCommand({ ResourceARN, Tags: [{ Key: 'team', Value: 'security' }] }));
    assert.deepEqual((await athena.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags, [
      { Key: 'managed-by', Value: 'trailsight' },
      { Key: 'team', Value: 'security' },
    ]);
    assert.deepEqual(
      (await athena.send(new ListWorkGroupsCommand({}))).WorkGroups?.map((w) => w.Name),
      ['primary', 'scratch', 'trailsight'],
    );
    assert.equal((await failure(athena.send(new CreateWorkGroupCommand({ Name: 'scratch' })))).name, 'InvalidRequestException');
    await athena.send(new DeleteWorkGroupCommand({ WorkGroup: 'scratch' }));
    assert.equal((await failure(athena.send(new GetWorkGroupCommand({ WorkGroup: 'scratch' })))).name, 'InvalidRequestException');
  });

  it('Glue: get, list, update and delete tables; EntityNotFound and AlreadyExists', async () => {
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'security', Name: 'CloudTrail_Logs' }));
    assert.equal(Table?.Name, 'cloudtrail_logs');
    assert.equal(Table?.PartitionKeys?.map((k) => k.Name).join(','), 'account,region,timestamp');
    assert.equal((await failure(glue.send(new CreateTableCommand(cloudTrailTableInput('security', BUCKET))))).name, 'AlreadyExistsException');
    assert.equal((await failure(glue.send(new GetTableCommand({ DatabaseName: 'security', Name: 'nope' })))).name, 'EntityNotFoundException');
    assert.equal((await failure(glue.send(new GetTablesCommand({ DatabaseName: 'nope' })))).name, 'EntityNotFoundException');
    // Glue's model lets CreateTable name an open-table-format table without a TableInput; a Hive table needs one.
    const noInput = await failure(glue.send(new CreateTableCommand({ DatabaseName: 'security', Name: 'iceberg_table' })));
    assert.equal(noInput.name, 'InvalidInputException');
    assert.equal(noInput.$metadata?.httpStatusCode, 400);
    assert.equal((await failure(glue.send(new UpdateTableCommand({ DatabaseName: 'security', Name: 'cloudtrail_logs' })))).name, 'InvalidInputException');

    const copy = cloudTrailTableInput('security', BUCKET);
    copy.TableInput.Name = 'copy';
    await glue.send(new CreateTableCommand(copy));
    await glue.send(new UpdateTableCommand({ DatabaseName: 'security', TableInput: { ...copy.TableInput, Description: 'changed' } }));
    const tables = await glue.send(new GetTablesCommand({ DatabaseName: 'security' }));
    assert.deepEqual(
      tables.TableList?.map((t) => [t.Name, t.Description ?? null]),
      [
        ['cloudtrail_logs', null],
        ['copy', 'changed'],
      ],
    );
    const tableArn = `arn:aws:glue:${REGION}:${ACCOUNT}:table/security/copy`;
    await glue.send(new TagResourceCommand({ ResourceArn: tableArn, TagsToAdd: { team: 'security', keep: 'no' } }));
    await glue.send(new UntagResourceCommand({ ResourceArn: tableArn, TagsToRemove: ['keep'] }));
    assert.deepEqual((await glue.send(new GetTagsCommand({ ResourceArn: tableArn }))).Tags, { team: 'security' });
    assert.deepEqual((await glue.send(new GetTagsCommand({ ResourceArn: `arn:aws:glue:${REGION}:${ACCOUNT}:database/security` }))).Tags, {
      'managed-by': 'trailsight',
    });
    await glue.send(new DeleteTableCommand({ DatabaseName: 'security', Name: 'copy' }));
    assert.equal((await failure(glue.send(new GetTagsCommand({ ResourceArn: tableArn })))).name, 'EntityNotFoundException');
    assert.equal((await failure(glue.send(new GetTableCommand({ DatabaseName: 'security', Name: 'copy' })))).name, 'EntityNotFoundException');
  });
});
