import type { ResourcePermission } from '@aws-sdk/client-quicksight';
import type { Principals } from '../language/schema/index.ts';

/** The QuickSight actions a kind grants its owners and its viewers (each kind's own: src/kinds/<kind>/permissions.ts). */
export interface ActionSets {
  readonly owner: readonly string[];
  readonly viewer: readonly string[];
}

/**
 * The `Permissions` of a resource, sorted by principal; `undefined` when nobody is named (QuickSight
 * then leaves the resource to the caller). Owners own everything trailsight publishes; viewers are
 * granted only where `viewers` is set (what they open: dashboards and analysis-only specs). A
 * principal named as both owner and viewer is an owner.
 */
export function permissionsFor(actions: ActionSets, principals: Principals, options: { viewers: boolean }): ResourcePermission[] | undefined {
  const owners = new Set(principals.owners ?? []);
  const viewers = options.viewers ? (principals.viewers ?? []).filter((p) => !owners.has(p)) : [];
  const grants: { Principal: string; Actions: string[] }[] = [
    ...[...owners].map((Principal) => ({ Principal, Actions: [...actions.owner] })),
    ...[...new Set(viewers)].map((Principal) => ({ Principal, Actions: [...actions.viewer] })),
  ];
  grants.sort((a, b) => (a.Principal < b.Principal ? -1 : a.Principal > b.Principal ? 1 : 0));
  return grants.length > 0 ? grants : undefined;
}
