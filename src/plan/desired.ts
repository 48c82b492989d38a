import type { DesiredResource } from '../compile/resource.ts';
import { normalisePermissions, normaliseTags } from './access.ts';
import { KIND_RULES } from './kinds.ts';
import type { ResourceModel } from './model.ts';
import { FINGERPRINT_TAG, fingerprintOf, MANAGED_BY, TARGET_TAG } from './ownership.ts';

/** A desired resource in the compared model, with its fingerprint. */
export interface DesiredModel {
  readonly resource: DesiredResource;
  readonly model: ResourceModel;
  readonly fingerprint: string;
}

/**
 * Normalises a compiled create input. Adds the tags trailsight's own bookkeeping needs: the
 * target (prune scope) and, where the kind keeps its fingerprint in a tag, the fingerprint.
 */
export function desiredModel(resource: DesiredResource, targetName: string): DesiredModel {
  const rules = KIND_RULES[resource.kind];
  const input = resource.input as { Tags?: unknown; Permissions?: unknown };
  const baseTags = rules.tags === 'none' ? undefined : { ...normaliseTags(input.Tags) };
  if (baseTags && rules.fingerprint !== 'none') {
    baseTags[MANAGED_BY.key] ??= MANAGED_BY.value;
    baseTags[TARGET_TAG] = targetName;
  }
  const base: ResourceModel = {
    kind: resource.kind,
    id: resource.id,
    properties: rules.desiredProperties(resource),
    ...(rules.permissions ? { permissions: normalisePermissions(input.Permissions) } : {}),
    ...(baseTags ? { tags: sortKeys(baseTags) } : {}),
  };
  const fingerprint = fingerprintOf(base);
  const tags = base.tags && rules.fingerprint === 'tag' ? sortKeys({ ...base.tags, [FINGERPRINT_TAG]: fingerprint }) : base.tags;
  return { resource, model: { ...base, ...(tags ? { tags } : {}) }, fingerprint };
}

function sortKeys(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
