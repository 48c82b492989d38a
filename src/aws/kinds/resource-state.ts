import type { ResourceKind } from '../../compile/resource.ts';
import {
  FINGERPRINT_TAG,
  isManaged,
  KIND_RULES,
  normalisePermissions,
  parseFingerprintTag,
  type ActualResource,
  type LifecycleStatus,
} from '../../plan/index.ts';
import { keyedRecord, ownValue } from '../../text/keyed-record.ts';

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
  const { kind, id } = options;
  const rules = KIND_RULES[kind];
  const tagged = rules.fingerprint === 'tag' ? parseFingerprintTag(ownValue(options.tags, FINGERPRINT_TAG)) : {};
  const fingerprint = options.fingerprint ?? tagged.fingerprint;
  // The stamp is bookkeeping, not a tag the specs set: compared apart (stampHolds), not in the tags diff.
  const tags = tagged.fingerprint ? keyedRecord([...Object.entries(options.tags), [FINGERPRINT_TAG, tagged.fingerprint]]) : options.tags;
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
    ...(tagged.stamp ? { stamp: tagged.stamp } : {}),
    managed: isManaged(tags),
  };
}
