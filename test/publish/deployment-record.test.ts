import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DescribeAnalysisDefinitionCommand,
  DescribeDashboardDefinitionCommand,
  DescribeDataSetCommand,
  ListTagsForResourceCommand,
  UpdateAnalysisCommand,
  UpdateDashboardCommand,
  UpdateDashboardPublishedVersionCommand,
  UpdateDataSetCommand,
} from '@aws-sdk/client-quicksight';
import { DEPLOYMENT_TAG } from '../../src/aws/freshness/index.ts';
import { hasChanges, renderPlanText, type Plan } from '../../src/plan/index.ts';
import { ACCOUNT, changedOutcomes, Harness, outcomes } from './harness.ts';

type Titled = { Title?: { FormatText?: { PlainText?: string } } };

const changed = changedOutcomes;
const vouchedFor = (plan: Plan) => plan.operations.filter((op) => op.action === 'no-op' && op.checked === 'deployment').length;

async function recordOn(h: Harness, sourceId: string): Promise<string | undefined> {
  const arn = `arn:aws:quicksight:us-east-1:${ACCOUNT}:datasource/${sourceId}`;
  const { Tags } = await h.clients.quicksight.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
  return Tags?.find((t) => t.Key === DEPLOYMENT_TAG)?.Value;
}

describe('the deployment record: a no-op publish reads no QuickSight resource one by one', () => {
  let h: Harness;
  let sourceId = '';
  beforeEach(async () => {
    h = await Harness.start();
    sourceId = await h.dataSourceId();
  });
  afterEach(async () => {
    await h?.stop();
  });

  it('console edits of a dashboard, an analysis and a dataset after a vouched no-op publish: a plain publish restores them, then is vouched again', async () => {
    await h.publish();
    const noop = await h.record(() => h.publish());
    assert.equal(noop.writes, 0);
    assert.ok(vouchedFor(noop.value.plan) > 0);
    const record = await recordOn(h, sourceId);
    assert.match(record ?? '', /^v1:[0-9a-f]{32}$/);

    const qs = h.clients.quicksight;
    const analysis = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: 'activity' }));
    const definition = structuredClone(analysis.Definition!);
    (definition.Sheets![0].Visuals![0].KPIVisual as Titled).Title!.FormatText!.PlainText = 'Edited in the console';
    await qs.send(new UpdateAnalysisCommand({ AwsAccountId: ACCOUNT, AnalysisId: 'activity', Name: analysis.Name!, Definition: definition }));
    const board = await qs.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2' }));
    const edited = structuredClone(board.Definition!);
    (edited.Sheets![0].Visuals![0].KPIVisual!.Title!.FormatText as { PlainText?: string }).PlainText = 'Edited in the console';
    const updated = await qs.send(new UpdateDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2', Name: board.Name!, Definition: edited }));
    await new Promise((r) => setTimeout(r, 150));
    const version = Number(/\/version\/(\d+)$/.exec(updated.VersionArn!)![1]);
    await qs.send(new UpdateDashboardPublishedVersionCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2', VersionNumber: version }));
    const { DataSet } = await qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: 'events' }));
    const { DataSetId, PhysicalTableMap, LogicalTableMap, ImportMode } = DataSet!;
    await qs.send(
      new UpdateDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: DataSetId!, Name: 'Renamed in the console', PhysicalTableMap, LogicalTableMap, ImportMode }),
    );
    await h.analysisSettled('activity');

    const { value } = await h.record(() => h.publish());
    assert.equal(vouchedFor(value.plan), 0, 'the List pages no longer match the record: every resource is read');
    assert.deepEqual(changed(value.results), [
      ['Analysis/activity', 'updated'],
      ['Dashboard/ec2', 'updated'],
      ['DataSet/events', 'updated'],
    ]);
    const after = await h.plan();
    assert.equal(hasChanges(after), false, renderPlanText(after));
    assert.notEqual(await recordOn(h, sourceId), record);

    const again = await h.record(() => h.publish());
    assert.equal(again.writes, 0);
    const listPages = again.calls.filter((c) => /^List(DataSources|DataSets|Analyses|Dashboards|Themes|Folders)$/.test(c.operation)).length;
    assert.ok(again.reads - listPages <= again.value.results.length);
    assert.ok(vouchedFor(again.value.plan) > 0);
  });

  it('a spec change updates only what changed, and rewrites the record last', async () => {
    await h.publish();
    const before = await recordOn(h, sourceId);
    const file = join(h.specsDir, 'activity.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Top event names', 'title: Most frequent calls'));

    const { value, calls } = await h.record(() => h.publish());
    assert.deepEqual(changed(value.results), [
      ['Analysis/activity', 'updated'],
      ['Dashboard/activity', 'updated'],
    ]);
    const writes = calls.filter((c) => !/^(List|Describe|Get)/.test(c.operation));
    assert.equal(writes[0].operation, 'UntagResource', 'the record is removed before anything changes');
    const last = writes.at(-1)!;
    assert.equal(last.operation, 'TagResource');
    assert.match(JSON.stringify(last.input), new RegExp(`datasource/${sourceId}.*${DEPLOYMENT_TAG}`));
    const after = await recordOn(h, sourceId);
    assert.ok(after && after !== before);

    const again = await h.record(() => h.publish());
    assert.equal(again.writes, 0);
    assert.ok(vouchedFor(again.value.plan) > 0);
  });

  it('a publish that fails leaves no record: with the specs put back, the next publish reads every resource and restores them', async () => {
    await h.publish();
    // Only permissions change: no LastUpdatedTime moves, so only the record's absence makes the next publish look.
    const project = join(h.specsDir, 'project.yaml');
    const original = await readFile(project, 'utf8');
    await writeFile(project, original.replace('group/default/owners', 'group/default/admins'));
    h.endpoint.faults.configure({ errorRate: { 'quicksight:UpdateDashboardPermissions': 1 } });
    const failed = await h.publish();
    assert.ok(failed.results.some((r) => r.outcome === 'failed'));
    assert.ok(failed.results.some((r) => r.kind === 'DataSet' && r.outcome === 'updated'));
    assert.equal(await recordOn(h, sourceId), undefined);

    h.endpoint.faults.configure({});
    await writeFile(project, original);
    const { value } = await h.record(() => h.publish());
    assert.equal(vouchedFor(value.plan), 0);
    assert.ok(value.results.every((r) => r.outcome === 'unchanged' || r.outcome === 'updated'));
    const after = await h.plan();
    assert.equal(hasChanges(after), false, renderPlanText(after) + JSON.stringify(outcomes(value.results)));
    assert.ok(await recordOn(h, sourceId));
  });
});
