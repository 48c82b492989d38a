import {
  CreateFolderCommand,
  CreateFolderMembershipCommand,
  DeleteFolderCommand,
  DeleteFolderMembershipCommand,
  DescribeFolderCommand,
  DescribeFolderPermissionsCommand,
  ListFolderMembersCommand,
  ListFoldersCommand,
  UpdateFolderCommand,
  UpdateFolderPermissionsCommand,
  type MemberType,
} from '@aws-sdk/client-quicksight';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing } from '../../aws/errors.ts';
import { stampOf, type ActualModel, type ComparedParts, type DesiredModel } from '../../plan/index.ts';
import type { Listing, Permissioned, ResourceRef, Stamping, Started, Tagging } from '../kind.ts';
import { fullRead } from '../shared/full-read.ts';
import { allPages, PAGE_SIZE, withId } from '../shared/list-pages.ts';
import { comparedProperties, MANAGED } from '../shared/managed-fields.ts';
import { normaliseQuickSight } from '../shared/quicksight-model.ts';
import { quicksightPermissions, readAccess } from '../shared/quicksight-permissions.ts';
import { quicksightTagging } from '../shared/quicksight-tags.ts';
import { membershipRequest, type FolderResource } from './compile.ts';
import { folderArn } from './identity.ts';
import { FOLDER_ACTIONS } from './permissions.ts';

/** A member as the compared model holds it: `DASHBOARD/ec2`. */
const memberKey = (type: string, id: string) => `${type}/${id}`;

/** The compiled request in the compared model, its members among the properties. */
export function normaliseFolder(resource: FolderResource): ComparedParts {
  const parts = normaliseQuickSight(resource.input, 'FolderId');
  return { ...parts, properties: { ...parts.properties, Members: resource.members.map((m) => memberKey(m.type, m.id)) } };
}

/** ListFolderMembers: its members, by type (from their ARNs) and id. */
async function listMembers(ctx: AwsContext, id: string): Promise<{ type: MemberType; id: string }[]> {
  const members = await allPages(async (token) => {
    const out = await ctx.clients.quicksight.send(
      new ListFolderMembersCommand({ AwsAccountId: ctx.account, FolderId: id, MaxResults: PAGE_SIZE, NextToken: token }),
    );
    return { items: out.FolderMemberList ?? [], next: out.NextToken };
  });
  return members.flatMap((m) => {
    const type = /:(dashboard|analysis|dataset|datasource|topic)\//.exec(m.MemberArn ?? '')?.[1]?.toUpperCase() as MemberType | undefined;
    return type && m.MemberId ? [{ type, id: m.MemberId }] : [];
  });
}

function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeFolderPermissionsCommand({ AwsAccountId: ctx.account, FolderId: id }));
}

export const folderTagging: Tagging = quicksightTagging(folderArn);

/** Read on every publish: a shared folder shows its viewers every asset in it. */
export const folderPermissions: Permissioned = quicksightPermissions({
  actions: FOLDER_ACTIONS,
  readOnPublish: true,
  describe: describePermissions,
  update: (ctx, id, request) => ctx.clients.quicksight.send(new UpdateFolderPermissionsCommand({ AwsAccountId: ctx.account, FolderId: id, ...request })),
});

/** DescribeFolder and ListFolderMembers, its permissions and tags. */
export async function readFolder(ctx: AwsContext, ref: ResourceRef<FolderResource>): Promise<ActualModel | undefined> {
  const described = await orMissing(ctx.clients.quicksight.send(new DescribeFolderCommand({ AwsAccountId: ctx.account, FolderId: ref.id })));
  if (!described?.Folder) return undefined;
  const [members, access] = await Promise.all([listMembers(ctx, ref.id), readAccess(ctx, ref.id, () => describePermissions(ctx, ref.id), folderTagging)]);
  const { Name, FolderType, FolderPath } = described.Folder;
  const parent = FolderPath?.[FolderPath.length - 1];
  const properties = comparedProperties(
    { Name, FolderType, ...(parent ? { ParentFolderArn: parent } : {}), Members: members.map((m) => memberKey(m.type, m.id)).sort() },
    MANAGED,
  );
  return fullRead({ kind: 'Folder', id: ref.id, properties, ...access, fingerprintInTag: true });
}

/** CreateFolder, then a CreateFolderMembership per member. */
export async function createFolder(ctx: AwsContext, desired: DesiredModel<FolderResource>): Promise<Started> {
  const resource = desired.resource;
  await ctx.clients.quicksight.send(new CreateFolderCommand(resource.input));
  for (const member of resource.members) await ctx.clients.quicksight.send(new CreateFolderMembershipCommand(membershipRequest(resource, member)));
  return {};
}

/** Its name, then its members made the specs' (added and removed by what ListFolderMembers shows). */
export async function updateFolder(ctx: AwsContext, desired: DesiredModel<FolderResource>): Promise<Started> {
  const resource = desired.resource;
  const qs = ctx.clients.quicksight;
  await qs.send(new UpdateFolderCommand({ AwsAccountId: resource.input.AwsAccountId, FolderId: resource.id, Name: resource.input.Name! }));
  const current = await listMembers(ctx, resource.id);
  const wanted = new Set(resource.members.map((m) => memberKey(m.type, m.id)));
  const present = new Set(current.map((m) => memberKey(m.type, m.id)));
  for (const member of resource.members)
    if (!present.has(memberKey(member.type, member.id))) await qs.send(new CreateFolderMembershipCommand(membershipRequest(resource, member)));
  for (const member of current) {
    if (wanted.has(memberKey(member.type, member.id))) continue;
    await qs.send(new DeleteFolderMembershipCommand({ AwsAccountId: ctx.account, FolderId: resource.id, MemberId: member.id, MemberType: member.type }));
  }
  return {};
}

/** QuickSight deletes an empty folder only: its members are taken out first (the assets stay). */
export async function removeFolder(ctx: AwsContext, ref: ResourceRef<FolderResource>): Promise<void> {
  const qs = ctx.clients.quicksight;
  for (const member of await listMembers(ctx, ref.id)) {
    await qs.send(new DeleteFolderMembershipCommand({ AwsAccountId: ctx.account, FolderId: ref.id, MemberId: member.id, MemberType: member.type }));
  }
  await qs.send(new DeleteFolderCommand({ AwsAccountId: ctx.account, FolderId: ref.id }));
}

export const folderStamping: Stamping = {
  async lastUpdated(ctx, id) {
    const out = await ctx.clients.quicksight.send(new DescribeFolderCommand({ AwsAccountId: ctx.account, FolderId: id }));
    return stampOf(out.Folder?.LastUpdatedTime);
  },
};

export const folderListing: Listing = {
  recordedBy: 'lastUpdated',
  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListFoldersCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = withId(out.FolderSummaryList, 'FolderId').map((f) => ({ id: f.FolderId, lastUpdated: stampOf(f.LastUpdatedTime) }));
      return { items, next: out.NextToken };
    }),
};
