import type { DesiredBase } from '../compile/resource.ts';
import type { DesiredModel } from './desired.ts';
import type { PermissionChanges, TagChanges } from './diff-access.ts';
import type { PropertyChange } from './diff-properties.ts';
import type { LifecycleStatus } from './lifecycle.ts';
import type { JsonObject } from './resource-model.ts';

/** The property half of an update: the paths that change and both sides for the text diff. */
export interface PropertyUpdate {
  readonly changes: readonly PropertyChange[];
  /** What exists, seen through the desired shape. */
  readonly before: JsonObject;
  readonly after: JsonObject;
  /** Why the update is sent when no property differs (e.g. a failed update, a removed setting). */
  readonly reason?: string;
}

export interface CreateOperation<R extends DesiredBase = DesiredBase> {
  readonly action: 'create';
  readonly kind: R['kind'];
  readonly id: string;
  readonly desired: DesiredModel<R>;
  /** A leftover in this state is deleted first (a failed creation, an analysis awaiting deletion). */
  readonly replaces?: LifecycleStatus;
}

export interface UpdateOperation<R extends DesiredBase = DesiredBase> {
  readonly action: 'update';
  readonly kind: R['kind'];
  readonly id: string;
  readonly desired: DesiredModel<R>;
  readonly properties?: PropertyUpdate;
  readonly permissions?: PermissionChanges;
  readonly tags?: TagChanges;
  /** Versioned kinds (dashboards): publish the new version once it is ready. */
  readonly publish: boolean;
  /** Changed outside trailsight since it last converged the resource (its fingerprint still matches). */
  readonly drift: boolean;
  /**
   * Stamped kinds: rewrite the fingerprint tag with the LastUpdatedTime the resource settles at. Set
   * with any property update, and alone when the resource was edited outside trailsight but matches
   * the specs (nothing else to send: only the record that it was checked).
   */
  readonly stamp: boolean;
}

export interface DeleteOperation<R extends DesiredBase = DesiredBase> {
  readonly action: 'delete';
  readonly kind: R['kind'];
  readonly id: string;
  readonly reason: string;
}

export interface NoOperation<R extends DesiredBase = DesiredBase> {
  readonly action: 'no-op';
  readonly kind: R['kind'];
  readonly id: string;
  readonly desired: DesiredModel<R>;
  /**
   * `fingerprint`: trusted from the fingerprint (one read); `full`: compared property by property;
   * `deployment`: trusted from the target's deployment record and its kind's List page (no read).
   */
  readonly checked: 'full' | 'fingerprint' | 'deployment';
}

export type Operation<R extends DesiredBase = DesiredBase> = CreateOperation<R> | UpdateOperation<R> | DeleteOperation<R> | NoOperation<R>;
export type Action = Operation['action'];

export interface Plan<R extends DesiredBase = DesiredBase> {
  readonly target: string;
  /** Creates and updates in dependency order, then deletes in reverse dependency order. */
  readonly operations: readonly Operation<R>[];
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly unchanged: number;
}

export function summarisePlan(plan: Plan): PlanSummary {
  const count = (action: Action) => plan.operations.filter((op) => op.action === action).length;
  return { create: count('create'), update: count('update'), delete: count('delete'), unchanged: count('no-op') };
}

export function hasChanges(plan: Plan): boolean {
  return plan.operations.some((op) => op.action !== 'no-op');
}
