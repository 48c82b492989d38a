import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-quicksight';
import type { ResourceKind } from '../../compile/resource.ts';
import {
  FINGERPRINT_TAG,
  normalisePermissions,
  normaliseTags,
  parseFingerprintTag,
  type ActualResource,
  type DesiredModel,
  type PermissionChanges,
} from '../../plan/index.ts';
import { keyedRecord, ownValue } from '../../text/keyed-record.ts';
import { arnOf } from '../arns.ts';
import { orMissing } from '../errors.ts';
import type { AwsContext, KindAdapter } from './adapter.ts';

export function quicksightArn(ctx: AwsContext, kind: ResourceKind, id: string): string {
  return arnOf(ctx, kind, id);
}

/** The resource's tags, or undefined when it does not exist. */
export async function readQuickSightTags(ctx: AwsContext, kind: ResourceKind, id: string): Promise<Record<string, string> | undefined> {
  const out = await orMissing(ctx.clients.quicksight.send(new ListTagsForResourceCommand({ ResourceArn: quicksightArn(ctx, kind, id) })));
  return out ? normaliseTags(out.Tags) : undefined;
}

export async function tagQuickSight(ctx: AwsContext, kind: ResourceKind, id: string, tags: Readonly<Record<string, string>>): Promise<void> {
  await ctx.clients.quicksight.send(
    new TagResourceCommand({ ResourceArn: quicksightArn(ctx, kind, id), Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
  );
}

export async function untagQuickSight(ctx: AwsContext, kind: ResourceKind, id: string, keys: readonly string[]): Promise<void> {
  await ctx.clients.quicksight.send(new UntagResourceCommand({ ResourceArn: quicksightArn(ctx, kind, id), TagKeys: [...keys] }));
}

/** The fast read of a kind that keeps its fingerprint (and stamp) in a tag: one ListTagsForResource. */
export async function readFingerprintTag(ctx: AwsContext, desired: DesiredModel): Promise<ActualResource> {
  const { kind, id } = desired.model;
  const tags = await readQuickSightTags(ctx, kind, id);
  if (!tags) return { kind, id, exists: false };
  const { fingerprint, stamp } = parseFingerprintTag(ownValue(tags, FINGERPRINT_TAG));
  const compared = fingerprint ? keyedRecord([...Object.entries(tags), [FINGERPRINT_TAG, fingerprint]]) : tags;
  return { kind, id, exists: true, depth: 'fingerprint', tags: compared, ...(fingerprint ? { fingerprint } : {}), ...(stamp ? { stamp } : {}) };
}

/** Grant/Revoke members of an `Update*Permissions` request; empty lists left out. */
export function permissionUpdate(changes: { grant: readonly { principal: string; actions: readonly string[] }[]; revoke: readonly { principal: string; actions: readonly string[] }[] }) {
  const list = (grants: typeof changes.grant) => grants.map((g) => ({ Principal: g.principal, Actions: [...g.actions] }));
  return {
    ...(changes.grant.length ? { GrantPermissions: list(changes.grant) } : {}),
    ...(changes.revoke.length ? { RevokePermissions: list(changes.revoke) } : {}),
  };
}

/** Ids of the resources a List call found, those awaiting deletion left out (for --prune). */
export function liveIds(summaries: readonly { id: string; status?: string }[]): string[] {
  return summaries.filter((s) => s.status !== 'DELETED').map((s) => s.id);
}

/** The largest page QuickSight's List calls return. */
export const PAGE_SIZE = 100;

/** Follows `NextToken` through every page of a List call. */
export async function allPages<T>(page: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const { items, next } = await page(token);
    out.push(...items);
    token = next;
  } while (token);
  return out;
}

/** The permissions and tags of a QuickSight resource, read together (after its describe). */
export async function readAccess(
  ctx: AwsContext,
  kind: ResourceKind,
  id: string,
  describePermissions: () => Promise<{ Permissions?: unknown }>,
): Promise<{ permissions: unknown; tags: Record<string, string> }> {
  const [permissions, tags] = await Promise.all([describePermissions(), readQuickSightTags(ctx, kind, id)]);
  return { permissions: permissions.Permissions, tags: tags ?? keyedRecord() };
}

type PermissionRequest = ReturnType<typeof permissionUpdate>;

/** The adapter members every QuickSight kind has alike: its permission read and update, tagging, untagging. */
export function quicksightAccess(
  kind: ResourceKind,
  sendPermissionUpdate: (ctx: AwsContext, id: string, request: PermissionRequest) => Promise<unknown>,
  sendDescribePermissions: (ctx: AwsContext, id: string) => Promise<{ Permissions?: unknown }>,
): Required<Pick<KindAdapter, 'readPermissions' | 'updatePermissions' | 'tag' | 'untag'>> {
  return {
    readPermissions: async (ctx, id) => {
      const out = await orMissing(sendDescribePermissions(ctx, id));
      return out ? normalisePermissions(out.Permissions) : undefined;
    },
    updatePermissions: async (ctx, id, changes: PermissionChanges) => void (await sendPermissionUpdate(ctx, id, permissionUpdate(changes))),
    tag: (ctx, ref, tags) => tagQuickSight(ctx, kind, ref.id, tags),
    untag: (ctx, ref, keys) => untagQuickSight(ctx, kind, ref.id, keys),
  };
}
