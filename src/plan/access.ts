import { keyedRecord } from '../text/keyed-record.ts';
import type { Grant } from './resource-model.ts';

/** Tags whose keys start with this belong to AWS; they can be neither set nor removed. */
const AWS_TAG_PREFIX = 'aws:';

/** QuickSight/Athena `[{Key, Value}]` or Glue `{key: value}` → a map sorted by key (no prototype: any key is a tag), `aws:` tags dropped. */
export function normaliseTags(tags: unknown): Record<string, string> {
  const entries: [string, string][] = Array.isArray(tags)
    ? tags.map((tag: { Key?: string; Value?: string }) => [String(tag.Key ?? ''), String(tag.Value ?? '')])
    : Object.entries((tags ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value ?? '')]);
  const sorted = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyedRecord(sorted.filter(([key]) => key && !key.startsWith(AWS_TAG_PREFIX)));
}

/** QuickSight `[{Principal, Actions}]` → one grant per principal, principals and actions sorted and deduplicated. */
export function normalisePermissions(permissions: unknown): Grant[] {
  const byPrincipal = new Map<string, Set<string>>();
  for (const entry of (permissions ?? []) as { Principal?: string; Actions?: string[] }[]) {
    if (!entry.Principal) continue;
    const actions = byPrincipal.get(entry.Principal) ?? new Set<string>();
    for (const action of entry.Actions ?? []) actions.add(action);
    byPrincipal.set(entry.Principal, actions);
  }
  return [...byPrincipal.keys()]
    .sort()
    .map((principal) => ({ principal, actions: [...byPrincipal.get(principal)!].sort() }))
    .filter((grant) => grant.actions.length > 0);
}

/** Grants as QuickSight's `ResourcePermission` list. */
export function toResourcePermissions(grants: readonly Grant[]): { Principal: string; Actions: string[] }[] {
  return grants.map((grant) => ({ Principal: grant.principal, Actions: [...grant.actions] }));
}
