import assert from 'node:assert/strict';
import {
  DescribeAnalysisPermissionsCommand,
  DescribeDashboardPermissionsCommand,
  DescribeDataSetPermissionsCommand,
  DescribeDataSourcePermissionsCommand,
  UpdateAnalysisPermissionsCommand,
  UpdateDashboardPermissionsCommand,
  UpdateDataSetPermissionsCommand,
  UpdateDataSourcePermissionsCommand,
} from '@aws-sdk/client-quicksight';
import { hasChanges, renderPlanText } from '../../src/plan/index.ts';
import { ACCOUNT, changedOutcomes, Harness } from './harness.ts';

const MALLORY = `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/mallory`;
const OWNERS = `arn:aws:quicksight:us-east-1:${ACCOUNT}:group/default/owners`;
const VIEW_DASHBOARD = ['quicksight:DescribeDashboard', 'quicksight:ListDashboardVersions', 'quicksight:QueryDashboard'];

const changed = changedOutcomes;

describe('permissions granted or revoked outside trailsight', () => {
  let h: Harness;
  let sourceId = '';
  beforeEach(async () => {
    h = await Harness.start();
    sourceId = await h.dataSourceId();
  });
  afterEach(async () => {
    await h?.stop();
  });

  /** Who may do what on each resource now, `principal: actions` sorted. */
  async function grantees(): Promise<Record<string, string[]>> {
    const qs = h.clients.quicksight;
    const of = (out: { Permissions?: { Principal?: string; Actions?: string[] }[] }) =>
      (out.Permissions ?? []).map((p) => `${p.Principal}: ${[...(p.Actions ?? [])].sort().join(' ')}`).sort();
    return {
      dashboard: of(await qs.send(new DescribeDashboardPermissionsCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2' }))),
      dataset: of(await qs.send(new DescribeDataSetPermissionsCommand({ AwsAccountId: ACCOUNT, DataSetId: 'events' }))),
      source: of(await qs.send(new DescribeDataSourcePermissionsCommand({ AwsAccountId: ACCOUNT, DataSourceId: sourceId }))),
    };
  }

  it('a plain publish revokes a stranger on a dashboard and a dataset and re-grants an owner removed from the data source; the next writes nothing', async () => {
    await h.publish();
    const before = await grantees();
    await h.record(() => h.publish()); // vouched for by the deployment record from here on
    const qs = h.clients.quicksight;
    await qs.send(
      new UpdateDashboardPermissionsCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2', GrantPermissions: [{ Principal: MALLORY, Actions: VIEW_DASHBOARD }] }),
    );
    await qs.send(
      new UpdateDataSetPermissionsCommand({
        AwsAccountId: ACCOUNT,
        DataSetId: 'events',
        GrantPermissions: [{ Principal: MALLORY, Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
      }),
    );
    await qs.send(
      new UpdateDataSourcePermissionsCommand({
        AwsAccountId: ACCOUNT,
        DataSourceId: sourceId,
        RevokePermissions: [{ Principal: OWNERS, Actions: ['quicksight:UpdateDataSource', 'quicksight:UpdateDataSourcePermissions'] }],
      }),
    );
    const drifted = await grantees();
    assert.ok(drifted.dashboard.some((g) => g.startsWith(MALLORY)) && drifted.dataset.some((g) => g.startsWith(MALLORY)));
    assert.notDeepEqual(drifted.source, before.source);

    const plan = await h.plan();
    const text = renderPlanText(plan);
    assert.match(text, new RegExp(`permissions: revoke ${MALLORY}`));
    assert.match(text, new RegExp(`permissions: grant ${OWNERS}: quicksight:UpdateDataSource, quicksight:UpdateDataSourcePermissions`));

    const { value, calls } = await h.record(() => h.publish());
    // Reported as updated, never as unchanged: each was seen drifted.
    assert.deepEqual(changed(value.results), [
      ['Dashboard/ec2', 'updated'],
      ['DataSet/events', 'updated'],
      [`DataSource/${sourceId}`, 'updated'],
    ]);
    const permissionWrites = calls
      .filter((c) => /^Update\w+Permissions$/.test(c.operation))
      .map((c) => c.operation)
      .sort();
    assert.deepEqual(permissionWrites, ['UpdateDashboardPermissions', 'UpdateDataSetPermissions', 'UpdateDataSourcePermissions']);
    assert.deepEqual(await grantees(), before);
    const after = await h.plan();
    assert.equal(hasChanges(after), false, renderPlanText(after));

    const again = await h.record(() => h.publish());
    assert.equal(again.writes, 0, again.calls.map((c) => c.operation).join(', '));
    assert.ok(
      again.value.plan.operations.some((op) => op.action === 'no-op' && op.checked === 'deployment'),
      'vouched for again',
    );
  });

  it("an analysis's permissions are plan's and --refresh's: a plain publish does not read them (documented)", async () => {
    await h.publish();
    const qs = h.clients.quicksight;
    await qs.send(
      new UpdateAnalysisPermissionsCommand({
        AwsAccountId: ACCOUNT,
        AnalysisId: 'activity',
        GrantPermissions: [{ Principal: MALLORY, Actions: ['quicksight:DescribeAnalysis'] }],
      }),
    );
    const plain = await h.publish();
    assert.deepEqual(changed(plain.results), []);
    const plan = await h.plan();
    assert.deepEqual(
      plan.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`),
      ['Analysis/activity'],
    );
    const refreshed = await h.publish({ refresh: true });
    assert.deepEqual(changed(refreshed.results), [['Analysis/activity', 'updated']]);
    const { Permissions } = await qs.send(new DescribeAnalysisPermissionsCommand({ AwsAccountId: ACCOUNT, AnalysisId: 'activity' }));
    assert.ok(!Permissions?.some((p) => p.Principal === MALLORY));
  });
});
