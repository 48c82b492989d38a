import type { DesiredBase } from '../compile/resource.ts';
import { keyedRecord } from '../text/keyed-record.ts';
import { canonical } from './canonical.ts';
import type { Grant, JsonObject, ResourceModel } from './resource-model.ts';
import { FINGERPRINT_TAG, fingerprintOf } from './ownership.ts';

/**
 * Where a kind keeps the fingerprint trailsight converged a resource to, so one cheap read tells
 * whether it is still as trailsight left it:
 * - `tag`: the `trailsight:fingerprint` tag, read with one ListTagsForResource;
 * - `version`: a dashboard's published version description, read with one DescribeDashboard —
 *   which also reveals a version published from elsewhere (the console);
 * - `none`: the one read (Glue Get*) returns every property, so it is compared in full.
 */
export type FingerprintPlace = 'tag' | 'version' | 'none';

/** What plan needs to know of a resource's kind to compare it (each kind's definition says: src/kinds/). */
export interface CompareRules {
  readonly fingerprint: FingerprintPlace;
  /**
   * Whether the fingerprint tag also records the LastUpdatedTime trailsight left the resource at
   * (the kind's List call returns every resource's LastUpdatedTime): an edit made outside trailsight
   * (the console) moves it.
   */
  readonly stamped: boolean;
  /** Whether a property change makes a new version that is then published (dashboards). */
  readonly publishesVersions: boolean;
}

/** A compiled create input as its kind normalises it: the compared properties, permissions and tags. */
export interface ComparedParts {
  /** The properties a create input sets and a describe echoes back. */
  readonly properties: JsonObject;
  /** Undefined: the kind has no permissions. */
  readonly permissions?: readonly Grant[];
  /** Undefined: the kind carries no tags. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A desired resource in the compared model, with its fingerprint and its kind's compare rules. */
export interface DesiredModel<R extends DesiredBase = DesiredBase> {
  readonly resource: R;
  readonly model: ResourceModel;
  readonly fingerprint: string;
  readonly rules: CompareRules;
}

/**
 * A compiled resource in the compared model. Its tags are compile's (managed-by, the target, the
 * spec id and hash: src/compile/tags.ts); where the kind keeps its fingerprint in a tag, that is added.
 */
export function desiredModel<R extends DesiredBase>(resource: R, parts: ComparedParts, rules: CompareRules): DesiredModel<R> {
  const base: ResourceModel = {
    kind: resource.kind,
    id: resource.id,
    properties: parts.properties,
    ...(parts.permissions ? { permissions: parts.permissions } : {}),
    ...(parts.tags ? { tags: sortByKey(parts.tags) } : {}),
  };
  const fingerprint = fingerprintOf(base);
  const tags = base.tags && rules.fingerprint === 'tag' ? sortByKey(keyedRecord([...Object.entries(base.tags), [FINGERPRINT_TAG, fingerprint]])) : base.tags;
  return { resource, model: { ...base, ...(tags ? { tags } : {}) }, fingerprint, rules };
}

/** Tags in key order (`canonical`'s), in a record that keeps any key a key. */
function sortByKey(tags: Readonly<Record<string, string>>): Record<string, string> {
  return canonical(keyedRecord(Object.entries(tags))) as Record<string, string>;
}
