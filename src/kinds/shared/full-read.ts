import { FINGERPRINT_TAG, isManaged, normalisePermissions, parseFingerprintTag, type ActualModel, lifecycleStatus, type JsonObject } from '../../plan/index.ts';
import { keyedRecord, ownValue } from '../../text/keyed-record.ts';

/**
 * A full read assembled into the compared model. Where the kind keeps its fingerprint in a tag, the
 * tag's stamp is split off: bookkeeping, compared apart (plan's stampHolds), not in the tags diff.
 */
export function fullRead(options: {
  kind: string;
  id: string;
  properties: JsonObject;
  /** As the describe call returned them; left out where the kind has none. */
  permissions?: unknown;
  tags: Record<string, string>;
  status?: string;
  /** Where the kind does not keep it in a tag (dashboards: the version description). */
  fingerprint?: string;
  fingerprintInTag: boolean;
}): ActualModel {
  const { kind, id } = options;
  const tagged = options.fingerprintInTag ? parseFingerprintTag(ownValue(options.tags, FINGERPRINT_TAG)) : {};
  const fingerprint = options.fingerprint ?? tagged.fingerprint;
  const tags = tagged.fingerprint ? keyedRecord([...Object.entries(options.tags), [FINGERPRINT_TAG, tagged.fingerprint]]) : options.tags;
  const status = lifecycleStatus(options.status);
  return {
    model: {
      kind,
      id,
      properties: options.properties,
      ...('permissions' in options ? { permissions: normalisePermissions(options.permissions) } : {}),
      tags,
    },
    ...(status ? { status } : {}),
    ...(fingerprint ? { fingerprint } : {}),
    ...(tagged.stamp ? { stamp: tagged.stamp } : {}),
    managed: isManaged(tags),
  };
}
