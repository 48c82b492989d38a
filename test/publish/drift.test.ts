import assert from 'node:assert/strict';
import {
  DescribeAnalysisDefinitionCommand,
  DescribeDataSetCommand,
  DescribeDataSourceCommand,
  ListDataSetsCommand,
  TagResourceCommand,
  UpdateAnalysisCommand,
  UpdateDataSetCommand,
  UpdateDataSetPermissionsCommand,
  UpdateDataSourceCommand,
  type AnalysisDefinition,
} from '@aws-sdk/client-quicksight';
import { hasChanges, renderPlanText } from '../../src/plan/index.ts';
import { ACCOUNT, Harness, outcomes } from './harness.ts';

type Titled = { Title?: { FormatText?: { PlainText?: string } } };

function kpiTitle(definition: AnalysisDefinition | undefined): string | undefined {
  return (definition?.Sheets?.[0].Visuals?.[0].KPIVisual as Titled | undefined)?.Title?.FormatText?.PlainText;
}

/** Edits made as the console makes them: describe, change, update through the API. */
async function editOutOfBand(h: Harness, dataSourceId: string): Promise<void> {
  const qs = h.clients.quicksight;
  const analysis = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: 'activity' }));
  const definition = structuredClone(analysis.Definition!);
  (definition.Sheets![0].Visuals![0].KPIVisual as Titled).Title!.FormatText!.PlainText = 'Edited in the console';
  await qs.send(new UpdateAnalysisCommand({ AwsAccountId: ACCOUNT, AnalysisId: 'activity', Name: analysis.Name!, Definition: definition }));

  const { DataSet } = await qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: 'events' }));
  const { Name: _n, DataSetId, PhysicalTableMap, LogicalTableMap, ImportMode } = DataSet!;
  await qs.send(
    new UpdateDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: DataSetId!, Name: 'Renamed in the console', PhysicalTableMap, LogicalTableMap, ImportMode }),
  );

  const { DataSource } = await qs.send(new DescribeDataSourceCommand({ AwsAccountId: ACCOUNT, DataSourceId: dataSourceId }));
  await qs.send(
    new UpdateDataSourceCommand({
      AwsAccountId: ACCOUNT,
      DataSourceId: DataSource!.DataSourceId!,
      Name: 'Renamed in the console',
      DataSourceParameters: DataSource!.DataSourceParameters,
    }),
  );
  await h.analysisSettled('activity');
}

describe('drift: edits made outside trailsight (the console)', () => {
  let h: Harness;
  let sourceId = '';
  beforeEach(async () => {
    h = await Harness.start();
    sourceId = await h.dataSourceId();
  });
  afterEach(async () => {
    await h?.stop();
  });

  it('show in plan, and a plain publish (no --refresh) restores them; then nothing is left to do', async () => {
    await h.publish();
    await editOutOfBand(h, sourceId);

    const plan = await h.plan();
    const drifted = plan.operations.filter((op) => op.action !== 'no-op');
    assert.deepEqual(
      drifted.map((op) => `${op.action} ${op.kind}/${op.id}`),
      [`update DataSource/${sourceId}`, 'update DataSet/events', 'update Analysis/activity'],
    );
    assert.ok(
      drifted.every((op) => op.action === 'update' && op.drift),
      renderPlanText(plan),
    );
    assert.match(renderPlanText(plan), /-\s+"PlainText": "Edited in the console"/);

    const { value } = await h.record(() => h.publish());
    const changed = Object.entries(outcomes(value.results)).filter(([, o]) => o !== 'unchanged');
    assert.deepEqual(changed, [
      [`DataSource/${sourceId}`, 'updated'],
      ['DataSet/events', 'updated'],
      ['Analysis/activity', 'updated'],
    ]);
    const qs = h.clients.quicksight;
    const analysis = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: 'activity' }));
    assert.equal(kpiTitle(analysis.Definition), 'Events');
    const { DataSet } = await qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: 'events' }));
    assert.equal(DataSet?.Name, 'Events');

    const after = await h.plan();
    assert.equal(hasChanges(after), false, renderPlanText(after));
    const again = await h.record(() => h.publish());
    assert.equal(again.writes, 0, again.calls.map((c) => c.operation).join(', '));
  });

  it("tagging and permission changes leave LastUpdatedTime as it was (what the stamp relies on): plan and --refresh see them; a plain publish sees the data source's tags and dataset permissions, not a dataset's tags", async () => {
    await h.publish();
    const qs = h.clients.quicksight;
    const arn = `arn:aws:quicksight:us-east-1:${ACCOUNT}:dataset/events`;
    const before = await qs.send(new ListDataSetsCommand({ AwsAccountId: ACCOUNT }));
    await qs.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'owner', Value: 'someone' }] }));
    await qs.send(
      new UpdateDataSetPermissionsCommand({
        AwsAccountId: ACCOUNT,
        DataSetId: 'ec2',
        GrantPermissions: [{ Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/stranger`, Actions: ['quicksight:DescribeDataSet'] }],
      }),
    );
    const after = await qs.send(new ListDataSetsCommand({ AwsAccountId: ACCOUNT }));
    const time = (out: typeof before, id: string) => out.DataSetSummaries?.find((d) => d.DataSetId === id)?.LastUpdatedTime?.getTime();
    assert.ok(time(before, 'events') && time(before, 'ec2'));
    assert.equal(time(after, 'events'), time(before, 'events'));
    assert.equal(time(after, 'ec2'), time(before, 'ec2'));
    // The data source's tags are read anyway (they hold the deployment record): a tag added there is removed.
    const sourceArn = `arn:aws:quicksight:us-east-1:${ACCOUNT}:datasource/${sourceId}`;
    await qs.send(new TagResourceCommand({ ResourceArn: sourceArn, Tags: [{ Key: 'owner', Value: 'someone' }] }));
    // Nothing moved a LastUpdatedTime: the deployment record still vouches for the datasets. A plain
    // publish reads their permissions apart (the grant is revoked), not their tags (documented:
    // plan and --refresh see them).
    const { value } = await h.record(() => h.publish());
    const changed = (results: typeof value.results) => Object.entries(outcomes(results)).filter(([, o]) => o !== 'unchanged');
    assert.deepEqual(changed(value.results), [
      [`DataSource/${sourceId}`, 'updated'],
      ['DataSet/ec2', 'updated'],
    ]);
    const drifted = await h.plan();
    assert.deepEqual(
      drifted.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`),
      ['DataSet/events'],
      renderPlanText(drifted),
    );
    const refreshed = await h.record(() => h.publish({ refresh: true }));
    assert.deepEqual(changed(refreshed.value.results), [['DataSet/events', 'updated']]);
    const planned = await h.plan();
    assert.equal(hasChanges(planned), false, renderPlanText(planned));
    assert.equal((await h.record(() => h.publish())).writes, 0);
  });

  it('an edit that leaves the resource as the specs want only rewrites its record, once', async () => {
    await h.publish();
    const qs = h.clients.quicksight;
    // Saved in the console without a change: LastUpdatedTime moves, nothing else.
    const analysis = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: 'activity' }));
    await qs.send(
      new UpdateAnalysisCommand({
        AwsAccountId: ACCOUNT,
        AnalysisId: 'activity',
        Name: analysis.Name!,
        Definition: analysis.Definition!,
        ThemeArn: analysis.ThemeArn,
      }),
    );
    await h.analysisSettled('activity');

    const plan = await h.plan();
    assert.deepEqual(
      plan.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`),
      ['Analysis/activity'],
    );
    assert.match(renderPlanText(plan), /only its fingerprint tag is rewritten/);
    const { calls } = await h.record(() => h.publish());
    // The deployment record is removed first and written last, around the analysis's fingerprint tag.
    const writes = calls
      .filter((c) => !/^(List|Describe|Get)/.test(c.operation))
      .map((c) => `${c.operation} ${JSON.stringify(c.input).includes('datasource/') ? 'data source' : 'analysis'}`);
    assert.deepEqual(writes, ['UntagResource data source', 'TagResource analysis', 'TagResource data source']);
    assert.equal(hasChanges(await h.plan()), false);
    assert.equal((await h.record(() => h.publish())).writes, 0);
  });
});
