import { resourceKey, type ResourceKind } from '../compile/resource.ts';
import { coveredByDeployment, DEPLOYMENT_TAG, deploymentValue, type DesiredModel, type Observed, type Operation, type Plan } from '../plan/index.ts';
import type { ResourceResult } from './apply.ts';
import { isNotFound } from './errors.ts';
import { ADAPTERS, type AwsContext } from './kinds/index.ts';
import { listKinds, observedOf } from './listings.ts';

/**
 * Keeping the target's deployment record (see plan/deployment.ts): removed before a publish changes
 * any QuickSight resource, written after one that converged every resource, last. A run killed or
 * failed in between leaves no record, and the next publish reads every resource.
 */

/** The record's value that vouches for the desired resources as `observed` shows them. */
export function expectedRecord(desired: readonly DesiredModel[], observed: ReadonlyMap<string, Observed>): string | undefined {
  return deploymentValue(
    desired
      .filter((d) => coveredByDeployment(d.resource))
      .map((d) => ({ kind: d.model.kind, id: d.model.id, fingerprint: d.fingerprint, observed: observed.get(resourceKey(d.model)) })),
  );
}

/** Creates and updates of resources the record vouches for. */
function coveredWrites(plan: Plan): Operation[] {
  return plan.operations.filter((op) => (op.action === 'create' || op.action === 'update') && coveredByDeployment(op.desired.resource));
}

/** Before any write to a vouched-for resource: removes the record (one UntagResource), if there is one. */
export async function forgetDeployment(ctx: AwsContext, plan: Plan): Promise<void> {
  const record = plan.deployment;
  if (!record?.current || !coveredWrites(plan).length) return;
  // Gone with its data source is as good as removed; any other failure stops the publish before it changes anything.
  await ADAPTERS[record.holder.kind].untag!(ctx, record.holder, [DEPLOYMENT_TAG]).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}

/**
 * After a publish: if every resource converged, writes the record for what the List calls show
 * now (re-listed when anything was written; one TagResource). Written only where each resource is
 * still at the LastUpdatedTime (dashboards: the published version) trailsight recorded or planned
 * with: an edit made elsewhere while the publish ran must not be vouched for. A failure to write
 * it changes nothing but the next publish's reads, so it is not one of the publish's failures.
 */
export async function recordDeployment(ctx: AwsContext, plan: Plan, results: readonly ResourceResult[]): Promise<void> {
  const record = plan.deployment;
  if (!record || results.some((r) => r.outcome === 'failed' || r.outcome === 'skipped')) return;
  const desired = plan.operations.flatMap((op) => (op.action === 'delete' ? [] : [op.desired]));
  const wrote = coveredWrites(plan).length > 0;
  let value = wrote ? undefined : expectedRecord(desired, record.observed);
  if (value === undefined) {
    const kinds = [...new Set(desired.filter((d) => coveredByDeployment(d.resource)).map((d) => d.model.kind))];
    const observed = observedOf(await listKinds(ctx, kinds).catch(() => new Map()));
    if (!stillAsRecorded(plan, results, observed)) return;
    value = expectedRecord(desired, observed);
  }
  if (!value || (!wrote && value === record.current)) return;
  await ADAPTERS[record.holder.kind].tag!(ctx, record.holder, { [DEPLOYMENT_TAG]: value }).catch(() => undefined);
}

/** Every vouched-for resource is, by the List calls now, where this publish left it or found it. */
function stillAsRecorded(plan: Plan, results: readonly ResourceResult[], now: ReadonlyMap<string, Observed>): boolean {
  const planned = plan.deployment!.observed;
  const byKey = new Map(results.map((r) => [resourceKey(r), r]));
  return plan.operations.every((op) => {
    if (op.action === 'delete' || !coveredByDeployment(op.desired.resource)) return true;
    const key = resourceKey(op);
    const seen = now.get(key);
    const recorded = op.action === 'no-op' ? undefined : byKey.get(key)?.recorded;
    const before = planned.get(key);
    if (versioned(op.kind)) {
      const version = recorded?.version ?? before?.version;
      return version === undefined || version === seen?.version;
    }
    const stamp = recorded?.lastUpdated ?? before?.stamp;
    return stamp === undefined || stamp === seen?.stamp;
  });
}

/** Dashboards are checked by their published version (a LastUpdatedTime of theirs also moves with unpublished versions). */
function versioned(kind: ResourceKind): boolean {
  return kind === 'Dashboard';
}
