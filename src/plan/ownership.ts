import { createHash } from 'node:crypto';
import { MANAGED_BY_KEY, MANAGED_BY_VALUE } from '../compile/tags.ts';
import { canonical } from './canonical.ts';
import type { ResourceModel } from './model.ts';

/** The tag that marks a resource as trailsight's: only these are ever pruned. */
export const MANAGED_BY = { key: MANAGED_BY_KEY, value: MANAGED_BY_VALUE } as const;
/** Which target published it, so pruning one target never touches another's resources. */
export const TARGET_TAG = 'trailsight:target';
/** The fingerprint of the desired state trailsight last converged the resource to. */
export const FINGERPRINT_TAG = 'trailsight:fingerprint';

const VERSION_PREFIX = 'trailsight fingerprint ';

/**
 * A short hash of everything trailsight sets on a resource: `v1:<properties>:<permissions and
 * tags>`, the fingerprint tag itself excluded. Written last when a resource converges, it is the
 * commit record: a resource whose fingerprint matches the specs needs no further reads. Its two
 * halves tell which part changed since.
 */
export function fingerprintOf(model: ResourceModel): string {
  const { [FINGERPRINT_TAG]: _ignored, ...tags } = model.tags ?? {};
  return `v1:${hash({ kind: model.kind, id: model.id, properties: model.properties })}:${hash({ permissions: model.permissions, tags })}`;
}

/** Whether two fingerprints agree on the properties half. */
export function samePropertiesHalf(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.split(':')[1] === b.split(':')[1];
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex').slice(0, 16);
}

/** The dashboard version description that carries a fingerprint. */
export function versionDescription(fingerprint: string): string {
  return `${VERSION_PREFIX}${fingerprint}`;
}

export function fingerprintFromVersionDescription(description: string | undefined): string | undefined {
  return description?.startsWith(VERSION_PREFIX) ? description.slice(VERSION_PREFIX.length) : undefined;
}

export function isManaged(tags: Readonly<Record<string, string>> | undefined): boolean {
  return tags?.[MANAGED_BY.key] === MANAGED_BY.value;
}
