import { createHash } from 'node:crypto';
import { MANAGED_BY_KEY, MANAGED_BY_VALUE, TARGET_KEY } from '../compile/tags.ts';
import { ownValue } from '../text/keyed-record.ts';
import { canonical } from './canonical.ts';
import type { ResourceModel } from './resource-model.ts';

/** The tag that marks a resource as trailsight's: only these are ever pruned. */
export const MANAGED_BY = { key: MANAGED_BY_KEY, value: MANAGED_BY_VALUE } as const;
/** Which target published it, so pruning one target never touches another's resources (compile sets it). */
export const TARGET_TAG = TARGET_KEY;
/** The fingerprint of the desired state trailsight last converged the resource to. */
export const FINGERPRINT_TAG = 'trailsight:fingerprint';

const VERSION_PREFIX = 'trailsight fingerprint ';
/** Separates the fingerprint from the stamp in the fingerprint tag: `v1:…:…@<LastUpdatedTime, epoch ms>`. */
const STAMP_SEPARATOR = '@';

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
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex')
    .slice(0, 16);
}

/**
 * The fingerprint tag's value. Kinds whose List call returns a LastUpdatedTime (see CompareRules.stamped)
 * also record there the LastUpdatedTime trailsight left the resource at, once it settled: a later
 * LastUpdatedTime means someone edited it since.
 */
export function fingerprintTagValue(fingerprint: string, stamp?: string): string {
  return stamp === undefined ? fingerprint : `${fingerprint}${STAMP_SEPARATOR}${stamp}`;
}

/** The fingerprint tag's value split into the fingerprint and, if recorded, the stamp. */
export function parseFingerprintTag(value: string | undefined): { fingerprint?: string; stamp?: string } {
  if (!value) return {};
  const at = value.indexOf(STAMP_SEPARATOR);
  return at < 0 ? { fingerprint: value } : { fingerprint: value.slice(0, at), stamp: value.slice(at + 1) };
}

/** A LastUpdatedTime as recorded in a stamp: epoch milliseconds. */
export function stampOf(time: Date | undefined): string | undefined {
  return time ? String(time.getTime()) : undefined;
}

/** The dashboard version description that carries a fingerprint. */
export function versionDescription(fingerprint: string): string {
  return `${VERSION_PREFIX}${fingerprint}`;
}

export function fingerprintFromVersionDescription(description: string | undefined): string | undefined {
  return description?.startsWith(VERSION_PREFIX) ? description.slice(VERSION_PREFIX.length) : undefined;
}

export function isManaged(tags: Readonly<Record<string, string>> | undefined): boolean {
  return ownValue(tags, MANAGED_BY.key) === MANAGED_BY.value;
}
