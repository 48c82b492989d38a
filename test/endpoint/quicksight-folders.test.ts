import assert from 'node:assert/strict';
import {
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateFolderCommand,
  CreateFolderMembershipCommand,
  DeleteDashboardCommand,
  DeleteFolderCommand,
  DeleteFolderMembershipCommand,
  DescribeFolderCommand,
  DescribeFolderPermissionsCommand,
  ListFolderMembersCommand,
  ListFoldersCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateFolderCommand,
  UpdateFolderPermissionsCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { arn, dataSetInput, dataSourceInput, definition, USER } from './fixtures.ts';
import { ACCOUNT, clients, failure, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

const A = { AwsAccountId: ACCOUNT };

describe('endpoint: QuickSight folders over the SDK', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let qs: QuickSightClient;

  before(async () => {
    endpoint = await startTestEndpoint();
    qs = clients(endpoint.url).quicksight;
    await qs.send(new CreateDataSourceCommand(dataSourceInput()));
    await qs.send(new CreateDataSetCommand(dataSetInput('events')));
    await qs.send(new CreateDashboardCommand({ ...A, DashboardId: 'board', Name: 'Board', Definition: definition() }));
  });
  after(() => stopTestEndpoint(endpoint));

  const members = async (FolderId: string) => (await qs.send(new ListFolderMembersCommand({ ...A, FolderId }))).FolderMemberList?.map((m) => m.MemberArn);

  it('a shared folder: created, described, renamed, listed; nested under another (FolderPath)', async () => {
    const created = await qs.send(
      new CreateFolderCommand({ ...A, FolderId: 'security', Name: 'Security', FolderType: 'SHARED', Tags: [{ Key: 'team', Value: 'security' }] }),
    );
    assert.equal(created.Arn, arn('folder', 'security'));
    const { Folder } = await qs.send(new DescribeFolderCommand({ ...A, FolderId: 'security' }));
    assert.equal(Folder?.Name, 'Security');
    assert.equal(Folder?.FolderType, 'SHARED');
    assert.deepEqual(Folder?.FolderPath, []);
    assert.ok(Folder?.LastUpdatedTime instanceof Date);
    await qs.send(new UpdateFolderCommand({ ...A, FolderId: 'security', Name: 'Security team' }));
    assert.equal((await qs.send(new DescribeFolderCommand({ ...A, FolderId: 'security' }))).Folder?.Name, 'Security team');

    await qs.send(new CreateFolderCommand({ ...A, FolderId: 'audits', Name: 'Audits', FolderType: 'SHARED', ParentFolderArn: arn('folder', 'security') }));
    assert.deepEqual((await qs.send(new DescribeFolderCommand({ ...A, FolderId: 'audits' }))).Folder?.FolderPath, [arn('folder', 'security')]);
    assert.deepEqual((await qs.send(new ListFoldersCommand(A))).FolderSummaryList?.map((f) => f.FolderId).sort(), ['audits', 'security']);
    assert.deepEqual((await qs.send(new ListTagsForResourceCommand({ ResourceArn: arn('folder', 'security') }))).Tags, [{ Key: 'team', Value: 'security' }]);
    await qs.send(new TagResourceCommand({ ResourceArn: arn('folder', 'security'), Tags: [{ Key: 'owner', Value: 'me' }] }));
  });

  it('memberships: added and removed by type and id; an asset that does not exist or is already in is refused', async () => {
    await qs.send(new CreateFolderMembershipCommand({ ...A, FolderId: 'security', MemberType: 'DASHBOARD', MemberId: 'board' }));
    await qs.send(new CreateFolderMembershipCommand({ ...A, FolderId: 'security', MemberType: 'DATASET', MemberId: 'events' }));
    assert.deepEqual(await members('security'), [arn('dashboard', 'board'), arn('dataset', 'events')]);
    const missing = await failure(qs.send(new CreateFolderMembershipCommand({ ...A, FolderId: 'security', MemberType: 'ANALYSIS', MemberId: 'nowhere' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    const twice = await failure(qs.send(new CreateFolderMembershipCommand({ ...A, FolderId: 'security', MemberType: 'DASHBOARD', MemberId: 'board' })));
    assert.equal(twice.name, 'ResourceExistsException');
    await qs.send(new DeleteFolderMembershipCommand({ ...A, FolderId: 'security', MemberType: 'DATASET', MemberId: 'events' }));
    assert.deepEqual(await members('security'), [arn('dashboard', 'board')]);
  });

  it('permissions, as for the other kinds', async () => {
    await qs.send(
      new UpdateFolderPermissionsCommand({ ...A, FolderId: 'security', GrantPermissions: [{ Principal: USER, Actions: ['quicksight:DescribeFolder'] }] }),
    );
    const { Permissions, FolderId } = await qs.send(new DescribeFolderPermissionsCommand({ ...A, FolderId: 'security' }));
    assert.equal(FolderId, 'security');
    assert.deepEqual(Permissions, [{ Principal: USER, Actions: ['quicksight:DescribeFolder'] }]);
  });

  it("answers the folder's ARN as Arn in its permission calls, the member QuickSight's model names (was FolderArn, which the SDK drops)", async () => {
    const described = await qs.send(new DescribeFolderPermissionsCommand({ ...A, FolderId: 'security' }));
    assert.equal(described.Arn, arn('folder', 'security'));
    const updated = await qs.send(
      new UpdateFolderPermissionsCommand({ ...A, FolderId: 'security', GrantPermissions: [{ Principal: USER, Actions: ['quicksight:DescribeFolder'] }] }),
    );
    assert.equal(updated.Arn, arn('folder', 'security'));
  });

  it('deletes an empty folder only (QuickSight: "Deletes an empty folder"); a deleted asset leaves its folders', async () => {
    const full = await failure(qs.send(new DeleteFolderCommand({ ...A, FolderId: 'security' })));
    assert.equal(full.name, 'ConflictException');
    await qs.send(new DeleteFolderCommand({ ...A, FolderId: 'audits' }));
    await qs.send(new DeleteDashboardCommand({ ...A, DashboardId: 'board' }));
    assert.deepEqual(await members('security'), []);
    await qs.send(new DeleteFolderCommand({ ...A, FolderId: 'security' }));
    assert.equal((await failure(qs.send(new DescribeFolderCommand({ ...A, FolderId: 'security' })))).name, 'ResourceNotFoundException');
  });
});
