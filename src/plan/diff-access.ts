import { keyedRecord, ownValue } from '../text/keyed-record.ts';
import type { Grant } from './resource-model.ts';

export interface PermissionChanges {
  readonly grant: readonly Grant[];
  readonly revoke: readonly Grant[];
}

export interface TagChanges {
  /** Tags to add or change. */
  readonly set: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

/** Grants missing from `actual` and grants in `actual` that the specs do not give. */
export function diffPermissions(actual: readonly Grant[], desired: readonly Grant[]): PermissionChanges | undefined {
  const grant = subtract(desired, actual);
  const revoke = subtract(actual, desired);
  return grant.length || revoke.length ? { grant, revoke } : undefined;
}

function subtract(from: readonly Grant[], what: readonly Grant[]): Grant[] {
  const present = new Map(what.map((g) => [g.principal, new Set(g.actions)]));
  return from
    .map((g) => ({ principal: g.principal, actions: g.actions.filter((action) => !present.get(g.principal)?.has(action)) }))
    .filter((g) => g.actions.length > 0);
}

/** Makes the tags exactly the desired ones (tags AWS owns, `aws:*`, are never in either map). */
export function diffTags(actual: Readonly<Record<string, string>>, desired: Readonly<Record<string, string>>): TagChanges | undefined {
  // Own keys only: a stranger's tag named `constructor` or `__proto__` is a tag like any other.
  const set = keyedRecord(Object.entries(desired).filter(([key, value]) => ownValue(actual, key) !== value));
  const remove = Object.keys(actual)
    .filter((key) => !Object.hasOwn(desired, key))
    .sort();
  return Object.keys(set).length || remove.length ? { set, remove } : undefined;
}
