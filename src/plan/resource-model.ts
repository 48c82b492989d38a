import type { ResourceKind } from '../compile/resource.ts';

/** A JSON value after canonicalisation: sorted keys, no `undefined`, dates as ISO strings. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

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
  readonly kind: ResourceKind;
  readonly id: string;
  /** Everything set through the create/update call, AWS-managed fields removed. */
  readonly properties: JsonObject;
  /** QuickSight resources only; sorted by principal. Undefined: the kind has no permissions. */
  readonly permissions?: readonly Grant[];
  /** Sorted by key; `aws:` tags dropped. Undefined: the kind carries no tags. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** QuickSight's life-cycle status, where the kind has one. */
export type LifecycleStatus =
  | 'CREATION_IN_PROGRESS'
  | 'CREATION_SUCCESSFUL'
  | 'CREATION_FAILED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_SUCCESSFUL'
  | 'UPDATE_FAILED'
  | 'DELETED';

/**
 * What a read found. `full`: every property, permission and tag was read. `fingerprint`: only the
 * fingerprint trailsight wrote when it last converged this resource (one read), see ownership.ts.
 * `deployment`: no read, the target's deployment record matched (deployment.ts). Both of these
 * may carry the permissions, read apart (publish reads those that expose data to viewers).
 * In `model.tags` the fingerprint tag holds the fingerprint alone; its stamp is in `stamp`.
 */
export type ActualResource =
  | { readonly kind: ResourceKind; readonly id: string; readonly exists: false }
  | {
      readonly kind: ResourceKind;
      readonly id: string;
      readonly exists: true;
      readonly depth: 'full';
      readonly model: ResourceModel;
      readonly status?: LifecycleStatus;
      readonly fingerprint?: string;
      readonly stamp?: string;
      readonly lastUpdated?: string;
      /** Whether the `managed-by: trailsight` tag is on it. */
      readonly managed: boolean;
    }
  | {
      readonly kind: ResourceKind;
      readonly id: string;
      readonly exists: true;
      readonly depth: 'fingerprint';
      readonly status?: LifecycleStatus;
      readonly fingerprint?: string;
      /** Stamped kinds: the LastUpdatedTime the fingerprint tag recorded (epoch ms)… */
      readonly stamp?: string;
      /** …and the one the kind's List call reports now. */
      readonly lastUpdated?: string;
      /** Every tag, where the fingerprint read returned them (a tag read), the stamp split off. */
      readonly tags?: Readonly<Record<string, string>>;
      /** Where publish read them too (see `PERMISSIONS_READ_ON_PUBLISH`): the permissions, normalised. */
      readonly permissions?: readonly Grant[];
    }
  | {
      readonly kind: ResourceKind;
      readonly id: string;
      readonly exists: true;
      /** Not read otherwise: the target's deployment record vouches for it (see deployment.ts)… */
      readonly depth: 'deployment';
      /** …but not for its permissions, which no LastUpdatedTime tracks: read apart where publish reads them. */
      readonly permissions?: readonly Grant[];
    };
