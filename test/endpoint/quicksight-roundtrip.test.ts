import assert from 'node:assert/strict';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateRefreshScheduleCommand,
  DeleteAnalysisCommand,
  DeleteDashboardCommand,
  DeleteDataSetCommand,
  DeleteDataSourceCommand,
  DeleteRefreshScheduleCommand,
  DescribeAnalysisCommand,
  DescribeAnalysisDefinitionCommand,
  DescribeDashboardCommand,
  DescribeDashboardDefinitionCommand,
  DescribeDashboardPermissionsCommand,
  DescribeDataSetCommand,
  DescribeDataSetPermissionsCommand,
  DescribeDataSourceCommand,
  DescribeRefreshScheduleCommand,
  ListAnalysesCommand,
  ListDashboardsCommand,
  ListDashboardVersionsCommand,
  ListDataSetsCommand,
  ListDataSourcesCommand,
  ListRefreshSchedulesCommand,
  ListTagsForResourceCommand,
  RestoreAnalysisCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAnalysisCommand,
  UpdateDashboardCommand,
  UpdateDashboardPermissionsCommand,
  UpdateDashboardPublishedVersionCommand,
  UpdateDataSetCommand,
  UpdateDataSetPermissionsCommand,
  UpdateDataSourceCommand,
  UpdateRefreshScheduleCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { arn, dataSetInput, dataSourceInput, definition, USER } from './fixtures.ts';
import { ACCOUNT, clients, failure, poll, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

describe('endpoint: QuickSight create → describe → update → delete over the SDK', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let qs: QuickSightClient;
  const A = { AwsAccountId: ACCOUNT };

  before(async () => {
    endpoint = await startTestEndpoint();
    qs = clients(endpoint.url).quicksight;
  });
  after(() => stopTestEndpoint(endpoint));

  it('data source: created in progress, then successful; updated; listed; deleted', async () => {
    const created = await qs.send(new CreateDataSourceCommand(dataSourceInput()));
    assert.equal(created.Status, 202);
    assert.equal(created.CreationStatus, 'CREATION_IN_PROGRESS');
    assert.equal(created.Arn, arn('datasource', 'cloudtrail'));
    const described = await poll(
      () => qs.send(new DescribeDataSourceCommand({ ...A, DataSourceId: 'cloudtrail' })),
      (d) => d.DataSource?.Status !== 'CREATION_IN_PROGRESS',
    );
    assert.equal(described.DataSource?.Status, 'CREATION_SUCCESSFUL');
    assert.equal(described.DataSource?.Name, 'CloudTrail');
    assert.ok(described.DataSource?.CreatedTime instanceof Date);

    const updated = await qs.send(
      new UpdateDataSourceCommand({
        ...A,
        DataSourceId: 'cloudtrail',
        Name: 'CloudTrail logs',
        DataSourceParameters: { AthenaParameters: { WorkGroup: 'primary' } },
      }),
    );
    assert.equal(updated.UpdateStatus, 'UPDATE_IN_PROGRESS');
    const after = await poll(
      () => qs.send(new DescribeDataSourceCommand({ ...A, DataSourceId: 'cloudtrail' })),
      (d) => d.DataSource?.Status === 'UPDATE_SUCCESSFUL',
    );
    assert.equal(after.DataSource?.Name, 'CloudTrail logs');
    assert.deepEqual(
      (await qs.send(new ListDataSourcesCommand(A))).DataSources?.map((d) => d.DataSourceId),
      ['cloudtrail'],
    );

    await qs.send(new CreateDataSourceCommand(dataSourceInput('spare')));
    await qs.send(new DeleteDataSourceCommand({ ...A, DataSourceId: 'spare' }));
    assert.equal((await failure(qs.send(new DescribeDataSourceCommand({ ...A, DataSourceId: 'spare' })))).name, 'ResourceNotFoundException');
  });

  it('data set: output columns, update, permissions, SPICE refresh schedules, delete', async () => {
    const created = await qs.send(new CreateDataSetCommand(dataSetInput('events')));
    assert.equal(created.Arn, arn('dataset', 'events'));
    const { DataSet } = await qs.send(new DescribeDataSetCommand({ ...A, DataSetId: 'events' }));
    assert.deepEqual(
      DataSet?.OutputColumns?.map((c) => c.Name),
      ['eventname', 'eventsource', 'sourceipaddress'],
    );
    assert.equal(DataSet?.ImportMode, 'DIRECT_QUERY');

    const { Tags: _createOnly, ...update } = dataSetInput('events', {
      importMode: 'SPICE',
      columns: ['eventname', 'eventsource', 'sourceipaddress', 'awsregion'],
    });
    await qs.send(new UpdateDataSetCommand(update));
    const updated = await qs.send(new DescribeDataSetCommand({ ...A, DataSetId: 'events' }));
    assert.equal(updated.DataSet?.ImportMode, 'SPICE');
    assert.equal(updated.DataSet?.OutputColumns?.length, 4);

    await qs.send(
      new UpdateDataSetPermissionsCommand({
        ...A,
        DataSetId: 'events',
        GrantPermissions: [{ Principal: USER, Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
      }),
    );
    const permissions = await qs.send(new DescribeDataSetPermissionsCommand({ ...A, DataSetId: 'events' }));
    assert.deepEqual(permissions.Permissions, [{ Principal: USER, Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }]);

    const Schedule = {
      ScheduleId: 'daily',
      RefreshType: 'FULL_REFRESH' as const,
      ScheduleFrequency: { Interval: 'DAILY' as const, TimeOfTheDay: '03:00', Timezone: 'UTC' },
    };
    const schedule = await qs.send(new CreateRefreshScheduleCommand({ ...A, DataSetId: 'events', Schedule }));
    assert.equal(schedule.Arn, `${arn('dataset', 'events')}/refresh-schedule/daily`);
    await qs.send(
      new UpdateRefreshScheduleCommand({
        ...A,
        DataSetId: 'events',
        Schedule: { ...Schedule, ScheduleFrequency: { ...Schedule.ScheduleFrequency, TimeOfTheDay: '04:00' } },
      }),
    );
    const described = await qs.send(new DescribeRefreshScheduleCommand({ ...A, DataSetId: 'events', ScheduleId: 'daily' }));
    assert.equal(described.RefreshSchedule?.ScheduleFrequency?.TimeOfTheDay, '04:00');
    assert.equal((await qs.send(new ListRefreshSchedulesCommand({ ...A, DataSetId: 'events' }))).RefreshSchedules?.length, 1);
    await qs.send(new DeleteRefreshScheduleCommand({ ...A, DataSetId: 'events', ScheduleId: 'daily' }));
    assert.equal((await qs.send(new ListRefreshSchedulesCommand({ ...A, DataSetId: 'events' }))).RefreshSchedules?.length, 0);

    await qs.send(new CreateDataSetCommand(dataSetInput('doomed')));
    assert.deepEqual(
      (await qs.send(new ListDataSetsCommand(A))).DataSetSummaries?.map((s) => s.DataSetId),
      ['doomed', 'events'],
    );
    await qs.send(new DeleteDataSetCommand({ ...A, DataSetId: 'doomed' }));
    assert.equal((await failure(qs.send(new DescribeDataSetCommand({ ...A, DataSetId: 'doomed' })))).name, 'ResourceNotFoundException');
  });

  it('analysis: definition round trip, update, delete with recovery window, restore, force delete', async () => {
    const created = await qs.send(new CreateAnalysisCommand({ ...A, AnalysisId: 'security', Name: 'Security', Definition: definition() }));
    assert.equal(created.CreationStatus, 'CREATION_IN_PROGRESS');
    const done = await poll(
      () => qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'security' })),
      (d) => d.Analysis?.Status !== 'CREATION_IN_PROGRESS',
    );
    assert.equal(done.Analysis?.Status, 'CREATION_SUCCESSFUL');
    assert.deepEqual(done.Analysis?.DataSetArns, [arn('dataset', 'events')]);
    assert.deepEqual(done.Analysis?.Sheets, [{ SheetId: 'overview', Name: 'Overview' }]);
    const stored = await qs.send(new DescribeAnalysisDefinitionCommand({ ...A, AnalysisId: 'security' }));
    assert.deepEqual(stored.Definition, definition());

    await qs.send(new UpdateAnalysisCommand({ ...A, AnalysisId: 'security', Name: 'Security v2', Definition: definition({ column: 'sourceipaddress' }) }));
    const updated = await poll(
      () => qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'security' })),
      (d) => d.Analysis?.Status === 'UPDATE_SUCCESSFUL',
    );
    assert.equal(updated.Analysis?.Name, 'Security v2');

    const deleted = await qs.send(new DeleteAnalysisCommand({ ...A, AnalysisId: 'security', RecoveryWindowInDays: 7 }));
    assert.ok(deleted.DeletionTime instanceof Date && deleted.DeletionTime.getTime() > Date.now() + 6 * 86400e3);
    assert.equal((await qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'security' }))).Analysis?.Status, 'DELETED');
    assert.equal(
      (await failure(qs.send(new CreateAnalysisCommand({ ...A, AnalysisId: 'security', Name: 'Again', Definition: definition() })))).name,
      'ResourceExistsException',
    );
    await qs.send(new RestoreAnalysisCommand({ ...A, AnalysisId: 'security' }));
    assert.equal((await qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'security' }))).Analysis?.Status, 'UPDATE_SUCCESSFUL');
    assert.deepEqual(
      (await qs.send(new ListAnalysesCommand(A))).AnalysisSummaryList?.map((a) => a.AnalysisId),
      ['security'],
    );
    await qs.send(new DeleteAnalysisCommand({ ...A, AnalysisId: 'security', ForceDeleteWithoutRecovery: true }));
    assert.equal((await failure(qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'security' })))).name, 'ResourceNotFoundException');
  });

  it('dashboard: versions, published version, definition, permissions, tags, delete', async () => {
    const created = await qs.send(
      new CreateDashboardCommand({
        ...A,
        DashboardId: 'ec2',
        Name: 'EC2',
        Definition: definition(),
        Permissions: [{ Principal: USER, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
        Tags: [{ Key: 'managed-by', Value: 'trailsight' }],
      }),
    );
    assert.equal(created.VersionArn, `${arn('dashboard', 'ec2')}/version/1`);
    const v1 = await poll(
      () => qs.send(new DescribeDashboardCommand({ ...A, DashboardId: 'ec2' })),
      (d) => d.Dashboard?.Version?.Status !== 'CREATION_IN_PROGRESS',
    );
    assert.equal(v1.Dashboard?.Version?.Status, 'CREATION_SUCCESSFUL');
    assert.equal(v1.Dashboard?.Version?.VersionNumber, 1);

    await qs.send(new UpdateDashboardCommand({ ...A, DashboardId: 'ec2', Name: 'EC2 activity', Definition: definition({ column: 'sourceipaddress' }) }));
    const v2 = await poll(
      () => qs.send(new DescribeDashboardCommand({ ...A, DashboardId: 'ec2', VersionNumber: 2 })),
      (d) => d.Dashboard?.Version?.Status === 'UPDATE_SUCCESSFUL',
    );
    assert.equal(v2.Dashboard?.Version?.Status, 'UPDATE_SUCCESSFUL');
    // Until published, describing without a version still shows version 1.
    assert.equal((await qs.send(new DescribeDashboardDefinitionCommand({ ...A, DashboardId: 'ec2' }))).Name, 'EC2');
    await qs.send(new UpdateDashboardPublishedVersionCommand({ ...A, DashboardId: 'ec2', VersionNumber: 2 }));
    const published = await qs.send(new DescribeDashboardDefinitionCommand({ ...A, DashboardId: 'ec2' }));
    assert.equal(published.Name, 'EC2 activity');
    assert.equal(published.ResourceStatus, 'UPDATE_SUCCESSFUL');
    assert.deepEqual(published.Definition, definition({ column: 'sourceipaddress' }));
    const versions = await qs.send(new ListDashboardVersionsCommand({ ...A, DashboardId: 'ec2' }));
    assert.deepEqual(
      versions.DashboardVersionSummaryList?.map((v) => [v.VersionNumber, v.Status]),
      [
        [1, 'CREATION_SUCCESSFUL'],
        [2, 'UPDATE_SUCCESSFUL'],
      ],
    );
    assert.equal((await qs.send(new ListDashboardsCommand(A))).DashboardSummaryList?.[0]?.PublishedVersionNumber, 2);

    const bob = USER.replace('alice', 'bob');
    await qs.send(
      new UpdateDashboardPermissionsCommand({
        ...A,
        DashboardId: 'ec2',
        GrantPermissions: [{ Principal: bob, Actions: ['quicksight:DescribeDashboard'] }],
        RevokePermissions: [{ Principal: USER, Actions: ['quicksight:QueryDashboard'] }],
      }),
    );
    const permissions = await qs.send(new DescribeDashboardPermissionsCommand({ ...A, DashboardId: 'ec2' }));
    assert.deepEqual(permissions.Permissions, [
      { Principal: USER, Actions: ['quicksight:DescribeDashboard'] },
      { Principal: bob, Actions: ['quicksight:DescribeDashboard'] },
    ]);

    const ResourceArn = arn('dashboard', 'ec2');
    await qs.send(
      new TagResourceCommand({
        ResourceArn,
        Tags: [
          { Key: 'team', Value: 'security' },
          { Key: 'managed-by', Value: 'me' },
        ],
      }),
    );
    await qs.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['team'] }));
    assert.deepEqual((await qs.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags, [{ Key: 'managed-by', Value: 'me' }]);

    await qs.send(new DeleteDashboardCommand({ ...A, DashboardId: 'ec2' }));
    assert.equal((await failure(qs.send(new DescribeDashboardCommand({ ...A, DashboardId: 'ec2' })))).name, 'ResourceNotFoundException');
    assert.equal((await failure(qs.send(new ListTagsForResourceCommand({ ResourceArn })))).name, 'ResourceNotFoundException');
  });
});
