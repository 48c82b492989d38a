import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-quicksight';
import type { ResourceKind } from '../../compile/resource.ts';
import {
  FINGERPRINT_TAG,
  isManaged,
  KIND_RULES,
  normalisePermissions,
  normaliseTags,
  type ActualResource,
  type DesiredModel,
  type LifecycleStatus,
} from '../../plan/index.ts';
import { arnOf } from '../arns.ts';
import { orMissing } from '../errors.ts';
import type { AwsContext } from './adapter.ts';

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

/** The tags a create request carries: the desired ones, the fingerprint only if `withFingerprint`. */
export function tagsForCreate(desired: DesiredModel, withFingerprint: boolean): { Key: string; Value: string }[] | undefined {
  const entries = Object.entries(desired.model.tags ?? {}).filter(([key]) => withFingerprint || key !== FINGERPRINT_TAG);
  return entries.length ? entries.map(([Key, Value]) => ({ Key, Value })) : undefined;
}

/** The fast read of a kind that keeps its fingerprint in a tag: one ListTagsForResource. */
export async function readFingerprintTag(ctx: AwsContext, desired: DesiredModel): Promise<ActualResource> {
  const { kind, id } = desired.model;
  const tags = await readQuickSightTags(ctx, kind, id);
  if (!tags) return { kind, id, exists: false };
  return { kind, id, exists: true, depth: 'fingerprint', ...(tags[FINGERPRINT_TAG] ? { fingerprint: tags[FINGERPRINT_TAG] } : {}) };
}

/** Assembles a full read into the compared model. */
export function fullActual(options: {
  kind: ResourceKind;
  id: string;
  record: object;
  permissions?: unknown;
  tags: Record<string, string>;
  status?: string;
  fingerprint?: string;
}): ActualResource {
  const { kind, id, tags } = options;
  const rules = KIND_RULES[kind];
  const fingerprint = options.fingerprint ?? (rules.fingerprint === 'tag' ? tags[FINGERPRINT_TAG] : undefined);
  return {
    kind,
    id,
    exists: true,
    depth: 'full',
    model: {
      kind,
      id,
      properties: rules.actualProperties(options.record),
      ...(rules.permissions ? { permissions: normalisePermissions(options.permissions) } : {}),
      tags,
    },
    ...(options.status ? { status: options.status as LifecycleStatus } : {}),
    ...(fingerprint ? { fingerprint } : {}),
    managed: isManaged(tags),
  };
}

/** Grant/Revoke members of an `Update*Permissions` request; empty lists left out. */
export function permissionUpdate(changes: { grant: readonly { principal: string; actions: readonly string[] }[]; revoke: readonly { principal: string; actions: readonly string[] }[] }) {
  const list = (grants: typeof changes.grant) => grants.map((g) => ({ Principal: g.principal, Actions: [...g.actions] }));
  return {
    ...(changes.grant.length ? { GrantPermissions: list(changes.grant) } : {}),
    ...(changes.revoke.length ? { RevokePermissions: list(changes.revoke) } : {}),
  };
}

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
