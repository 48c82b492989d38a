import type { AwsContext } from '../../aws/context.ts';
import { orMissing } from '../../aws/errors.ts';
import type { ActionSets } from '../../compile/index.ts';
import { normalisePermissions, type PermissionChanges } from '../../plan/index.ts';
import { keyedRecord } from '../../text/keyed-record.ts';
import type { Permissioned, Tagging } from '../kind.ts';

/** Grant/Revoke members of an `Update*Permissions` request; empty lists left out. */
export type PermissionRequest = ReturnType<typeof permissionUpdate>;

export function permissionUpdate(changes: PermissionChanges) {
  const list = (grants: PermissionChanges['grant']) => grants.map((g) => ({ Principal: g.principal, Actions: [...g.actions] }));
  return {
    ...(changes.grant.length ? { GrantPermissions: list(changes.grant) } : {}),
    ...(changes.revoke.length ? { RevokePermissions: list(changes.revoke) } : {}),
  };
}

/** The permissions of a QuickSight kind: its action sets, its `Describe*Permissions` and `Update*Permissions` calls. */
export function quicksightPermissions(options: {
  actions: ActionSets;
  readOnPublish: boolean;
  describe: (ctx: AwsContext, id: string) => Promise<{ Permissions?: unknown }>;
  update: (ctx: AwsContext, id: string, request: PermissionRequest) => Promise<unknown>;
}): Permissioned {
  return {
    actions: options.actions,
    readOnPublish: options.readOnPublish,
    async read(ctx, id) {
      const out = await orMissing(options.describe(ctx, id));
      return out ? normalisePermissions(out.Permissions) : undefined;
    },
    async update(ctx, id, changes) {
      await options.update(ctx, id, permissionUpdate(changes));
    },
  };
}

/** The permissions (as described) and tags of a QuickSight resource, read together after its describe. */
export async function readAccess(
  ctx: AwsContext,
  id: string,
  describePermissions: () => Promise<{ Permissions?: unknown }>,
  tagging: Tagging,
): Promise<{ permissions: unknown; tags: Record<string, string> }> {
  const [permissions, tags] = await Promise.all([describePermissions(), tagging.read(ctx, id)]);
  return { permissions: permissions.Permissions, tags: tags ?? keyedRecord() };
}
