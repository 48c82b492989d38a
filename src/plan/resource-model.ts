import type { LifecycleStatus } from './lifecycle.ts';

import type { Json, JsonObject } from '../compile/canonical-json.ts';

/** A JSON value after canonicalisation (compile/canonical-json.ts): sorted keys, no `undefined`, dates as ISO strings. */
export type { Json, JsonObject };

/** Who may do what on a QuickSight resource: actions sorted, one entry per principal. */
export interface Grant {
  readonly principal: string;
  readonly actions: readonly string[];
}

/**
 * One resource in the form both sides are compared in: what the specs want (from the create input)
 * and what exists (from describe calls) land in this same shape.
 */
export interface ResourceModel {
  readonly kind: string;
  readonly id: string;
  /** Everything set through the create/update call, AWS-managed fields removed. */
  readonly properties: JsonObject;
  /** QuickSight resources only; sorted by principal. Undefined: the kind has no permissions. */
  readonly permissions?: readonly Grant[];
  /** Sorted by key; `aws:` tags dropped. Undefined: the kind carries no tags. */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A resource read in full: every property, permission and tag, and what trailsight recorded on it.
 * In `model.tags` the fingerprint tag holds the fingerprint alone; its stamp is in `stamp`.
 */
export interface ActualModel {
  readonly model: ResourceModel;
  readonly status?: LifecycleStatus;
  /** The fingerprint trailsight recorded when it last converged the resource (ownership.ts). */
  readonly fingerprint?: string;
  /** Stamped kinds: the LastUpdatedTime the fingerprint tag recorded (epoch ms)… */
  readonly stamp?: string;
  /** …and the one the kind's List call reports now. */
  readonly lastUpdated?: string;
  /** Whether the `managed-by: trailsight` tag is on it. */
  readonly managed: boolean;
}

/**
 * What the AWS edge (src/aws/freshness/) found of one desired resource — all plan needs to know:
 * - `nothing`: it does not exist;
 * - `leftover`: it exists in a state that can only be replaced (a failed creation, awaiting deletion);
 * - `unchanged`: the edge's verdict from what trailsight recorded (its fingerprint, or the target's
 *   deployment record), without reading the resource in full;
 * - `model`: it was read in full, to be compared with the specs.
 */
export type Actual =
  | { readonly found: 'nothing' }
  | { readonly found: 'leftover'; readonly status: LifecycleStatus }
  | { readonly found: 'unchanged'; readonly checked: 'fingerprint' | 'deployment' }
  | { readonly found: 'model'; readonly actual: ActualModel };
