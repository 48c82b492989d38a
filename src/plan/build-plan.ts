import { KIND_ORDER } from '../compile/resource.ts';
import { resourceKey } from '../compile/resource.ts';
import { comparedTags, type DeploymentRecord } from './deployment.ts';
import type { DesiredModel } from './desired.ts';
import { diffPermissions, diffTags } from './diff-access.ts';
import { diffValues, projectOnto } from './diff-properties.ts';
import { KIND_RULES } from './kinds.ts';
import type { ActualResource, JsonObject } from './resource-model.ts';
import type { DeleteOperation, Operation, Plan, PropertyUpdate } from './operations.ts';
import { FINGERPRINT_TAG, samePropertiesHalf } from './ownership.ts';
import { permissionsHold } from './publish-permissions.ts';

export interface PlanInput {
  readonly target: string;
  /** In dependency order (as compile returns them). */
  readonly desired: readonly DesiredModel[];
  /** What the reads found, by `kind/id`; a missing entry means the resource does not exist. */
  readonly actual: ReadonlyMap<string, ActualResource>;
  /** Resources to delete: trailsight's own (tagged), of this target, no longer in the specs. */
  readonly prune?: readonly { kind: ActualResource['kind']; id: string }[];
  /** The deployment record as the quick read found it, passed on to publish. */
  readonly deployment?: DeploymentRecord;
}

/**
 * Whether the fingerprint read (or the deployment record) settles the resource as unchanged; when
 * not, it must be read in full before planning. Glue resources are always read in full (their one
 * read is complete). Stamped kinds also need their LastUpdatedTime where trailsight left it: else
 * someone edited them. Permissions read apart must be the specs' (neither record covers them).
 */
export function settledByFingerprint(desired: DesiredModel, actual: ActualResource | undefined): boolean {
  if (!actual?.exists) return true; // nothing to read: it is created
  if (actual.depth === 'full') return true;
  if (actual.depth === 'deployment') return permissionsHold(desired, actual.permissions);
  if (isBroken(actual.status)) return true; // recreated
  if (!permissionsHold(desired, actual.permissions)) return false;
  const rules = KIND_RULES[desired.model.kind];
  if (rules.fingerprint === 'none') return false;
  if (rules.stamped && !stampHolds(actual)) return false;
  // Where the fingerprint came with every tag, a tag added or changed elsewhere shows too.
  if (actual.depth === 'fingerprint' && actual.tags && desired.model.tags && diffTags(comparedTags(actual.tags), desired.model.tags)) return false;
  return actual.fingerprint === desired.fingerprint && isSettled(actual.status);
}

/** The resource's LastUpdatedTime is still the one trailsight recorded (both known). */
function stampHolds(actual: { stamp?: string; lastUpdated?: string }): boolean {
  return actual.stamp !== undefined && actual.stamp === actual.lastUpdated;
}

/** The plan: desired vs actual, a pure function of both. */
export function buildPlan(input: PlanInput): Plan {
  const operations: Operation[] = input.desired.map((desired) => planResource(desired, input.actual.get(resourceKey(desired.model))));
  const deletes: DeleteOperation[] = [...(input.prune ?? [])]
    .sort((a, b) => KIND_ORDER.indexOf(b.kind) - KIND_ORDER.indexOf(a.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({ action: 'delete', kind: r.kind, id: r.id, reason: 'no longer in the specs' }));
  return { target: input.target, operations: [...operations, ...deletes], ...(input.deployment ? { deployment: input.deployment } : {}) };
}

function planResource(desired: DesiredModel, actual: ActualResource | undefined): Operation {
  const { kind, id } = desired.model;
  if (!actual?.exists) return { action: 'create', kind, id, desired };
  if (actual.depth !== 'full' && !settledByFingerprint(desired, actual)) throw new Error(`internal: ${kind}/${id} needs a full read before planning`);
  if (actual.depth === 'deployment') return { action: 'no-op', kind, id, desired, checked: 'deployment' };
  if (isBroken(actual.status)) return { action: 'create', kind, id, desired, replaces: actual.status };
  if (actual.depth === 'fingerprint') return { action: 'no-op', kind, id, desired, checked: 'fingerprint' };
  const rules = KIND_RULES[kind];
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
  const tags = want.tags && have.tags ? diffTags(comparedTags(have.tags), want.tags) : undefined;
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
    publish: kind === 'Dashboard' && !!properties,
    // Drift: the specs did not change since trailsight converged it, or (dashboards) a version
    // published from elsewhere replaced trailsight's.
    drift: fingerprinted && (fingerprintMatches || (rules.fingerprint === 'version' && !actual.fingerprint && actual.managed)),
    stamp,
  };
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

function isBroken(status: string | undefined): boolean {
  return status === 'CREATION_FAILED' || status === 'DELETED';
}

function isSettled(status: string | undefined): boolean {
  return status === undefined || status === 'CREATION_SUCCESSFUL' || status === 'UPDATE_SUCCESSFUL';
}
