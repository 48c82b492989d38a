import type { DesiredResource } from '../compile/resource.ts';
import { keyedRecord } from '../text/keyed-record.ts';
import { normalisePermissions, normaliseTags } from './access.ts';
import { KIND_RULES } from './kinds.ts';
import type { ResourceModel } from './resource-model.ts';
import { FINGERPRINT_TAG, fingerprintOf } from './ownership.ts';

/** A desired resource in the compared model, with its fingerprint. */
export interface DesiredModel {
  readonly resource: DesiredResource;
  readonly model: ResourceModel;
  readonly fingerprint: string;
}

/**
 * Normalises a compiled create input. Its tags are compile's (managed-by, the target, the spec id
 * and hash: src/compile/tags.ts); where the kind keeps its fingerprint in a tag, that is added.
 */
export function desiredModel(resource: DesiredResource): DesiredModel {
  const rules = KIND_RULES[resource.kind];
  const input = resource.input as { Tags?: unknown; Permissions?: unknown };
  const baseTags = rules.tags === 'none' ? undefined : normaliseTags(input.Tags);
  const base: ResourceModel = {
    kind: resource.kind,
    id: resource.id,
    properties: rules.desiredProperties(resource),
    ...(rules.permissions ? { permissions: normalisePermissions(input.Permissions) } : {}),
    ...(baseTags ? { tags: sortKeys(baseTags) } : {}),
  };
  const fingerprint = fingerprintOf(base);
  const tags = base.tags && rules.fingerprint === 'tag' ? sortKeys(keyedRecord([...Object.entries(base.tags), [FINGERPRINT_TAG, fingerprint]])) : base.tags;
  return { resource, model: { ...base, ...(tags ? { tags } : {}) }, fingerprint };
}

function sortKeys(tags: Record<string, string>): Record<string, string> {
  return keyedRecord(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
