import type * as QuickSight from '@aws-sdk/client-quicksight';
import type { Wire } from '../sdk-types.ts';
import type { Transaction } from '../state/store.ts';
import { alreadyExists, invalid, notFound, quicksightError } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { parseArn, seconds, type FolderMember, type FolderRecord, type QuickSightKind } from './records.ts';
import type { Answer, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

/** The member types the endpoint keeps (QuickSight also has TOPIC, which it does not serve). */
const MEMBER_KINDS: Readonly<Partial<Record<QuickSight.MemberType, QuickSightKind>>> = {
  DASHBOARD: 'dashboard',
  ANALYSIS: 'analysis',
  DATASET: 'dataset',
  DATASOURCE: 'datasource',
};

/** QuickSight nests folders at most this deep. */
const MAX_DEPTH = 10;

function memberKind(type: QuickSight.MemberType): QuickSightKind {
  const kind = Object.hasOwn(MEMBER_KINDS, type) ? MEMBER_KINDS[type] : undefined;
  if (!kind) throw invalid(`MemberType ${JSON.stringify(type)}: trailsight's endpoint keeps ${Object.keys(MEMBER_KINDS).join(', ')} in folders.`);
  return kind;
}

/** The members whose asset still exists (deleting an asset takes it out of its folders). */
async function liveMembers(state: QuickSightState, record: FolderRecord, tx?: Transaction): Promise<FolderMember[]> {
  const live: FolderMember[] = [];
  for (const member of record.members) if (await state.get(memberKind(member.type), member.id, tx)) live.push(member);
  return live;
}

/** The ARNs of a folder's ancestors, root first (QuickSight's FolderPath). */
async function folderPath(state: QuickSightState, record: FolderRecord, tx?: Transaction): Promise<string[]> {
  const path: string[] = [];
  let parent = record.parentArn;
  while (parent && path.length < MAX_DEPTH) {
    path.unshift(parent);
    const parsed = parseArn(parent);
    parent = parsed?.kind === 'folder' ? (await state.get('folder', parsed.id, tx))?.parentArn : undefined;
  }
  return path;
}

async function parentOf(state: QuickSightState, arn: unknown, tx: Transaction): Promise<string | undefined> {
  if (arn === undefined) return undefined;
  const parsed = typeof arn === 'string' ? parseArn(arn) : undefined;
  if (parsed?.kind !== 'folder' || parsed.account !== state.account || parsed.region !== state.region)
    throw invalid(`ParentFolderArn ${JSON.stringify(arn)} is not the ARN of a folder in account ${state.account}, region ${state.region}.`);
  const parent = await state.get('folder', parsed.id, tx);
  if (!parent) throw quicksightError('ResourceNotFoundException', `Folder ${parsed.id} not found.`);
  if ((await folderPath(state, parent, tx)).length + 1 >= MAX_DEPTH) throw quicksightError('LimitExceededException', `Folders nest at most ${MAX_DEPTH} deep.`);
  return parent.arn;
}

function summary(record: FolderRecord): Wire<QuickSight.FolderSummary> {
  return {
    Arn: record.arn,
    FolderId: record.id,
    Name: record.name,
    FolderType: record.folderType,
    CreatedTime: seconds(record.createdTime),
    LastUpdatedTime: seconds(record.lastUpdatedTime),
    SharingModel: record.sharingModel,
  };
}

export const folderOperations = {
  async CreateFolder(input, context): Promise<Answer<'CreateFolder'>> {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    return state.transact(async (tx): Promise<Answer<'CreateFolder'>> => {
      if (await state.get('folder', input.FolderId, tx)) throw alreadyExists('folder', input.FolderId);
      const parentArn = await parentOf(state, input.ParentFolderArn, tx);
      const now = state.now();
      const record: FolderRecord = {
        kind: 'folder',
        id: input.FolderId,
        arn: state.arn('folder', input.FolderId),
        createdTime: now,
        lastUpdatedTime: now,
        permissions,
        tags,
        name: input.Name ?? input.FolderId,
        folderType: input.FolderType ?? 'SHARED',
        sharingModel: input.SharingModel ?? 'ACCOUNT',
        ...(parentArn ? { parentArn } : {}),
        members: [],
      };
      state.put(tx, record);
      return { Status: 200, Arn: record.arn, FolderId: record.id };
    });
  },
  async DescribeFolder(input, context): Promise<Answer<'DescribeFolder'>> {
    const state = new QuickSightState(context);
    const record = await state.require('folder', input.FolderId);
    return { Folder: { ...summary(record), FolderPath: await folderPath(state, record) } };
  },
  async ListFolders(input, context): Promise<Answer<'ListFolders'>> {
    const state = new QuickSightState(context);
    const { items, NextToken } = page(await state.list('folder'), input);
    return { FolderSummaryList: items.map(summary), NextToken };
  },
  async UpdateFolder(input, context): Promise<Answer<'UpdateFolder'>> {
    const state = new QuickSightState(context);
    return state.update('folder', input.FolderId, (record): Answer<'UpdateFolder'> => {
      record.name = input.Name;
      record.lastUpdatedTime = state.now();
      return { Status: 200, Arn: record.arn, FolderId: record.id };
    });
  },
  async DeleteFolder(input, context): Promise<Answer<'DeleteFolder'>> {
    const state = new QuickSightState(context);
    return state.transact(async (tx): Promise<Answer<'DeleteFolder'>> => {
      const record = await state.require('folder', input.FolderId, tx);
      // QuickSight deletes an empty folder only.
      if ((await liveMembers(state, record, tx)).length > 0)
        throw quicksightError('ConflictException', `Folder ${record.id} is not empty: remove its members first.`);
      const children = (await state.list('folder')).filter((f) => f.parentArn === record.arn);
      if (children.length > 0) throw quicksightError('ConflictException', `Folder ${record.id} holds folders: ${children.map((c) => c.id).join(', ')}.`);
      tx.delete(state.key('folder', record.id));
      return { Status: 200, Arn: record.arn, FolderId: record.id };
    });
  },
  async CreateFolderMembership(input, context): Promise<Answer<'CreateFolderMembership'>> {
    const state = new QuickSightState(context);
    const kind = memberKind(input.MemberType);
    return state.update('folder', input.FolderId, async (record, tx): Promise<Answer<'CreateFolderMembership'>> => {
      if (!(await state.get(kind, input.MemberId, tx))) throw notFound(kind, input.MemberId);
      const live = await liveMembers(state, record, tx);
      if (live.some((m) => m.type === input.MemberType && m.id === input.MemberId))
        throw quicksightError('ResourceExistsException', `${input.MemberType} ${input.MemberId} is already in folder ${record.id}.`);
      record.members = [...live, { type: input.MemberType, id: input.MemberId }];
      return { Status: 200, FolderMember: { MemberId: input.MemberId, MemberType: input.MemberType } };
    });
  },
  async DeleteFolderMembership(input, context): Promise<Answer<'DeleteFolderMembership'>> {
    const state = new QuickSightState(context);
    memberKind(input.MemberType);
    return state.update('folder', input.FolderId, (record): Answer<'DeleteFolderMembership'> => {
      const kept = record.members.filter((m) => !(m.type === input.MemberType && m.id === input.MemberId));
      if (kept.length === record.members.length)
        throw quicksightError('ResourceNotFoundException', `${input.MemberType} ${input.MemberId} is not in folder ${record.id}.`);
      record.members = kept;
      return { Status: 200 };
    });
  },
  async ListFolderMembers(input, context): Promise<Answer<'ListFolderMembers'>> {
    const state = new QuickSightState(context);
    const record = await state.require('folder', input.FolderId);
    const { items, NextToken } = page(await liveMembers(state, record), input);
    return { FolderMemberList: items.map((m) => ({ MemberId: m.id, MemberArn: state.arn(memberKind(m.type), m.id) })), NextToken };
  },
} satisfies QuickSightOperations;
