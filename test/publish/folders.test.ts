import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DeleteFolderMembershipCommand,
  DescribeDashboardCommand,
  DescribeFolderCommand,
  DescribeFolderPermissionsCommand,
  ListFolderMembersCommand,
} from '@aws-sdk/client-quicksight';
import { hasChanges, renderPlanText } from '../../src/plan/index.ts';
import { ACCOUNT, Harness } from './harness.ts';

const arn = (type: string, id: string) => `arn:aws:quicksight:us-east-1:${ACCOUNT}:${type}/${id}`;

/** The fixture's Folder (folder.yaml, `security`: the activity and ec2 dashboards), published to the local endpoint. */
describe('publish: a Folder spec', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h?.stop();
  });

  const members = async () =>
    (await h.clients.quicksight.send(new ListFolderMembersCommand({ AwsAccountId: ACCOUNT, FolderId: 'security' }))).FolderMemberList?.map(
      (m) => m.MemberArn,
    ).sort();
  const writesOf = (calls: readonly { operation: string }[]) => calls.filter((c) => !/^(List|Describe|Get)/.test(c.operation)).map((c) => c.operation);

  it('is created after what it holds, with a membership each, shared with owners and (dashboards only) viewers', async () => {
    const { value } = await h.record(() => h.publish());
    const order = value.results.map((r) => `${r.kind}/${r.id}`);
    assert.ok(order.indexOf('Folder/security') > order.indexOf('Dashboard/activity'));
    assert.ok(order.indexOf('Folder/security') > order.indexOf('Dashboard/ec2'));
    const qs = h.clients.quicksight;
    const { Folder } = await qs.send(new DescribeFolderCommand({ AwsAccountId: ACCOUNT, FolderId: 'security' }));
    assert.equal(Folder?.Name, 'Security');
    assert.equal(Folder?.FolderType, 'SHARED');
    assert.deepEqual(await members(), [arn('dashboard', 'activity'), arn('dashboard', 'ec2')]);
    const { Permissions } = await qs.send(new DescribeFolderPermissionsCommand({ AwsAccountId: ACCOUNT, FolderId: 'security' }));
    assert.deepEqual(
      Permissions?.map((p) => [p.Principal?.split('/').pop(), p.Actions?.length]),
      [
        ['owners', 8],
        ['viewers', 1],
      ],
    );
  });

  it('a member added and one removed in the spec: a membership created and one deleted, nothing else; then nothing', async () => {
    await h.publish();
    const file = join(h.specsDir, 'folder.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('dashboards: [activity, ec2]', 'dashboards: [activity, principals]'));
    const { value, calls } = await h.record(() => h.publish());
    assert.deepEqual(
      value.results.filter((r) => r.outcome !== 'unchanged').map((r) => `${r.kind}/${r.id} ${r.outcome}`),
      ['Folder/security updated'],
    );
    assert.deepEqual(writesOf(calls), ['UntagResource', 'UpdateFolder', 'CreateFolderMembership', 'DeleteFolderMembership', 'TagResource', 'TagResource']);
    assert.deepEqual(await members(), [arn('dashboard', 'activity'), arn('dashboard', 'principals')]);
    assert.equal((await h.record(() => h.publish())).writes, 0);
  });

  it('a membership removed in the console shows in plan and is restored by --refresh', async () => {
    await h.publish();
    await h.clients.quicksight.send(
      new DeleteFolderMembershipCommand({ AwsAccountId: ACCOUNT, FolderId: 'security', MemberType: 'DASHBOARD', MemberId: 'ec2' }),
    );
    const plan = await h.plan();
    assert.deepEqual(
      plan.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`),
      ['Folder/security'],
      renderPlanText(plan),
    );
    assert.match(renderPlanText(plan), /DASHBOARD\/ec2/);
    await h.publish({ refresh: true });
    assert.deepEqual(await members(), [arn('dashboard', 'activity'), arn('dashboard', 'ec2')]);
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('prune: a folder that left the specs is emptied and deleted; what it held stays', async () => {
    await h.publish();
    await rm(join(h.specsDir, 'folder.yaml'));
    const plan = await h.plan({ prune: true });
    assert.deepEqual(
      plan.operations.filter((op) => op.action === 'delete').map((op) => `${op.kind}/${op.id}`),
      ['Folder/security'],
    );
    const { calls } = await h.record(() => h.publish({ prune: true }));
    assert.deepEqual(
      writesOf(calls).filter((op) => /Folder/.test(op)),
      ['DeleteFolderMembership', 'DeleteFolderMembership', 'DeleteFolder'],
    );
    await h.clients.quicksight.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: 'activity' }));
    assert.equal(hasChanges(await h.plan({ prune: true })), false);
  });
});
