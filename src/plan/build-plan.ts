import type { DesiredBase } from '../compile/resource.ts';
import { resourceKey } from '../compile/resource.ts';
import type { DesiredModel } from './desired.ts';
import { diffPermissions, diffTags } from './diff-access.ts';
import { diffValues, projectOnto } from './diff-properties.ts';
import { assertNever } from './never.ts';
import type { Actual, ActualModel, JsonObject } from './resource-model.ts';
import type { DeleteOperation, Operation, Plan, PropertyUpdate } from './operations.ts';
import { FINGERPRINT_TAG, samePropertiesHalf } from './ownership.ts';

export interface PlanInput<R extends DesiredBase = DesiredBase> {
  readonly target: string;
  /** In dependency order (as compile returns them). */
  readonly desired: readonly DesiredModel<R>[];
  /** What the AWS edge found, by `kind/id`; a missing entry means the resource does not exist. */
  readonly actual: ReadonlyMap<string, Actual>;
  /** Resources to delete, in deletion order: trailsight's own (tagged), of this target, no longer in the specs. */
  readonly prune?: readonly { kind: R['kind']; id: string }[];
}

/** The plan: desired vs actual, a pure function of both. */
export function buildPlan<R extends DesiredBase>(input: PlanInput<R>): Plan<R> {
  const operations = input.desired.map((desired) => planResource(desired, input.actual.get(resourceKey(desired.resource))));
  const deletes: DeleteOperation<R>[] = (input.prune ?? []).map((r) => ({ action: 'delete', kind: r.kind, id: r.id, reason: 'no longer in the specs' }));
  return { target: input.target, operations: [...operations, ...deletes] };
}

/** One resource's operation, from what the AWS edge found of it. */
export function planResource<R extends DesiredBase>(desired: DesiredModel<R>, actual: Actual | undefined): Operation<R> {
  const { kind, id } = desired.resource;
  const found = actual ?? { found: 'nothing' };
  switch (found.found) {
    case 'nothing':
      return { action: 'create', kind, id, desired };
    case 'leftover':
      return { action: 'create', kind, id, desired, replaces: found.status };
    case 'unchanged':
      return { action: 'no-op', kind, id, desired, checked: found.checked };
    case 'model':
      return compareModel(desired, found.actual);
    default:
      return assertNever(found);
  }
}

/** A resource read in full against the specs: properties, permissions, tags and trailsight's own record of it. */
function compareModel<R extends DesiredBase>(desired: DesiredModel<R>, actual: ActualModel): Operation<R> {
  const { kind, id } = desired.resource;
  const rules = desired.rules;
  const want = desired.model;
  const have = actual.model;
  const before = (projectOnto(have.properties, want.properties) ?? {}) as JsonObject;
  const changes = diffValues(before, want.properties);
  const fingerprinted = rules.fingerprint !== 'none';
  const fingerprintMatches = !fingerprinted || actual.fingerprint === desired.fingerprint;
  const reason = propertyReason(actual.status, fingerprinted, actual.fingerprint, desired.fingerprint, rules.fingerprint === 'version');
  const properties: PropertyUpdate | undefined =
    changes.length || reason ? { changes, before, after: want.properties, ...(changes.length ? {} : { reason }) } : undefined;
  const permissions = want.permissions ? diffPermissions(have.permissions ?? [], want.permissions) : undefined;
  const tags = want.tags && have.tags ? diffTags(have.tags, want.tags) : undefined;
  const stamp = rules.stamped && (!!properties || !!tags?.set[FINGERPRINT_TAG] || !stampHolds(actual));
  if (!properties && !permissions && !tags && !stamp) return { action: 'no-op', kind, id, desired, checked: 'full' };
  return {
    action: 'update',
    kind,
    id,
    desired,
    ...(properties ? { properties } : {}),
    ...(permissions ? { permissions } : {}),
    ...(tags ? { tags } : {}),
    publish: rules.publishesVersions && !!properties,
    // Drift: the specs did not change since trailsight converged it, or (dashboards) a version
    // published from elsewhere replaced trailsight's.
    drift: fingerprinted && (fingerprintMatches || (rules.fingerprint === 'version' && !actual.fingerprint && actual.managed)),
    stamp,
  };
}

/** The resource's LastUpdatedTime is still the one trailsight recorded (both known). */
export function stampHolds(actual: { stamp?: string; lastUpdated?: string }): boolean {
  return actual.stamp !== undefined && actual.stamp === actual.lastUpdated;
}

/** Why the properties are sent again although none differs, or undefined when they need not be. */
function propertyReason(
  status: string | undefined,
  fingerprinted: boolean,
  actualFingerprint: string | undefined,
  desiredFingerprint: string,
  fingerprintInVersion: boolean,
): string | undefined {
  if (status === 'UPDATE_FAILED') return 'the last update failed';
  if (!fingerprinted || actualFingerprint === desiredFingerprint) return undefined;
  if (fingerprintInVersion) return 'a new version records the fingerprint';
  if (!samePropertiesHalf(actualFingerprint, desiredFingerprint)) {
    return actualFingerprint ? 'the specs changed in a way the describe call does not show' : 'no fingerprint: not converged by trailsight yet';
  }
  return undefined;
}
