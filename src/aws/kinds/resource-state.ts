import type { ResourceKind } from '../../compile/resource.ts';
import {
  FINGERPRINT_TAG,
  isManaged,
  KIND_RULES,
  normalisePermissions,
  type ActualResource,
  type DesiredModel,
  type LifecycleStatus,
} from '../../plan/index.ts';

/** The tags a create request carries: the desired ones, the fingerprint only if `withFingerprint`. */
export function tagsForCreate(desired: DesiredModel, withFingerprint: boolean): { Key: string; Value: string }[] | undefined {
  const entries = Object.entries(desired.model.tags ?? {}).filter(([key]) => withFingerprint || key !== FINGERPRINT_TAG);
  return entries.length ? entries.map(([Key, Value]) => ({ Key, Value })) : undefined;
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
