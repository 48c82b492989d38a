import { createHash } from 'node:crypto';
import type { Tags } from '../language/schema/index.ts';
import { keyedRecord } from '../text/keyed-record.ts';
import { canonicalJson } from './canonical-json.ts';
import type { ResolvedTarget } from './target.ts';

export const MANAGED_BY_KEY = 'managed-by';
export const MANAGED_BY_VALUE = 'trailsight';
export const SPEC_ID_KEY = 'trailsight:spec-id';
export const SPEC_HASH_KEY = 'trailsight:spec-hash';
/** Which target published it, so pruning (and iam-policy's prune statement) never touches another target's resources. */
export const TARGET_KEY = 'trailsight:target';

/** A short, stable hash of a spec: sha256 of its canonical JSON, first 16 hex digits. */
export function specHash(spec: unknown): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex').slice(0, 16);
}

/**
 * The tags of a resource compiled from `spec`, sorted by key: the Project's and the target's own tags,
 * then trailsight's (which win on a clash, so ownership can always be recognised): managed-by, the
 * target, the spec id and its hash. The one place the tag set is made: publish sends these as they are.
 */
export function resourceTags(options: { specId: string; spec: unknown; projectTags?: Tags; target: ResolvedTarget }): Record<string, string> {
  const merged: Record<string, string> = {
    ...options.projectTags,
    ...options.target.tags,
    [MANAGED_BY_KEY]: MANAGED_BY_VALUE,
    [TARGET_KEY]: options.target.name,
    [SPEC_ID_KEY]: options.specId,
    [SPEC_HASH_KEY]: specHash(options.spec),
  };
  return keyedRecord(
    Object.keys(merged)
      .sort()
      .map((key) => [key, merged[key]!]),
  );
}

/** Tags as the `[{Key, Value}]` list QuickSight and Athena take. */
export function tagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
