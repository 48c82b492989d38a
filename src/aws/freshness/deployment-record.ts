import { createHash } from 'node:crypto';
import { resourceKey } from '../../compile/index.ts';
import { kindOf, type DesiredResource, type KindName } from '../../kinds/index.ts';
import type { DesiredModel, Plan } from '../../plan/index.ts';
import { keyedRecord } from '../../text/keyed-record.ts';
import type { ResourceResult } from '../apply.ts';
import type { AwsContext } from '../context.ts';
import { isNotFound } from '../errors.ts';
import { listKinds, observedOf, type Observed } from './listings.ts';

/**
 * The deployment record: one tag, on the target's data source (the kind that holds it), that
 * trailsight writes last after a publish converged every listed resource of the target (the kinds
 * with a List call: QuickSight's). Its value hashes, for each of them, the fingerprint it was
 * converged to and what its kind's List call showed of it then (the LastUpdatedTime; dashboards
 * their published version). When the List pages show the same again and the specs give the same
 * fingerprints, nothing was edited since and no resource needs its own read. Removed before a
 * publish changes any of them, so a run killed or failed half-way leaves none.
 */
export const DEPLOYMENT_TAG = 'trailsight:deployment';

/** What the reads knew of the deployment record, for publish to keep it. */
export interface DeploymentRecord {
  /** The resource whose tag holds it. */
  readonly holder: { readonly kind: KindName; readonly id: string };
  /** The tag's value as read, if any. */
  readonly current?: string;
  /** What the List calls showed of each listed resource, by `kind/id`, when planning. */
  readonly observed: ReadonlyMap<string, Observed>;
}

/** Resources the record vouches for: those of kinds with a List call (Glue and Athena are read in full every time). */
export function coveredByRecord(resource: DesiredResource): boolean {
  return kindOf(resource.kind).listing !== undefined;
}

/** The resource that holds the record: the one of the kind that holds it (every target has exactly one). */
export function recordHolder(desired: readonly DesiredModel<DesiredResource>[]): DesiredModel<DesiredResource> | undefined {
  const holders = desired.filter((d) => kindOf(d.resource.kind).holdsDeploymentRecord);
  return holders.length === 1 ? holders[0] : undefined;
}

/**
 * The record's value that vouches for the desired resources as `observed` shows them, or undefined
 * when one is not listed, has no LastUpdatedTime or is not in a settled state (nothing can be vouched for then).
 */
export function expectedRecord(desired: readonly DesiredModel<DesiredResource>[], observed: ReadonlyMap<string, Observed>): string | undefined {
  const lines: string[] = [];
  for (const d of desired.filter((d) => coveredByRecord(d.resource))) {
    const key = resourceKey(d.resource);
    const seen = observed.get(key);
    if (!seen?.stamp || !isSettledStatus(seen.status)) return undefined;
    lines.push(`${key} ${d.fingerprint} ${seen.stamp}${seen.version === undefined ? '' : ` v${seen.version}`}`);
  }
  lines.sort();
  return `v1:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32)}`;
}

function isSettledStatus(status: string | undefined): boolean {
  return status === undefined || status === 'CREATION_SUCCESSFUL' || status === 'UPDATE_SUCCESSFUL';
}

/** Tags as compared with the specs': the record is bookkeeping, never a tag to set or remove. */
export function withoutDeploymentRecord(tags: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  if (!Object.hasOwn(tags, DEPLOYMENT_TAG)) return tags;
  return keyedRecord(Object.entries(tags).filter(([key]) => key !== DEPLOYMENT_TAG));
}

/** Creates and updates of resources the record vouches for. */
function coveredWrites(plan: Plan<DesiredResource>): number {
  return plan.operations.filter((op) => (op.action === 'create' || op.action === 'update') && coveredByRecord(op.desired.resource)).length;
}

function holderTagging(record: DeploymentRecord) {
  const tagging = kindOf(record.holder.kind).tagging;
  if (!tagging) throw new Error(`internal: ${record.holder.kind} holds the deployment record but has no tagging`);
  return tagging;
}

/** Before any write to a vouched-for resource: removes the record (one UntagResource), if there is one. */
export async function forgetDeployment(ctx: AwsContext, record: DeploymentRecord | undefined, plan: Plan<DesiredResource>): Promise<void> {
  if (!record?.current || !coveredWrites(plan)) return;
  // Gone with its holder is as good as removed; any other failure stops the publish before it changes anything.
  await holderTagging(record)
    .untag(ctx, record.holder.id, [DEPLOYMENT_TAG])
    .catch((error: unknown) => {
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
export async function recordDeployment(
  ctx: AwsContext,
  record: DeploymentRecord | undefined,
  plan: Plan<DesiredResource>,
  results: readonly ResourceResult[],
): Promise<void> {
  if (!record || results.some((r) => r.outcome === 'failed' || r.outcome === 'skipped')) return;
  const desired = plan.operations.flatMap((op) => (op.action === 'delete' ? [] : [op.desired]));
  const wrote = coveredWrites(plan) > 0;
  let value = wrote ? undefined : expectedRecord(desired, record.observed);
  if (value === undefined) {
    const kinds = [...new Set(desired.filter((d) => coveredByRecord(d.resource)).map((d) => d.resource.kind))];
    const observed = observedOf(await listKinds(ctx, kinds).catch(() => new Map()));
    if (!stillAsRecorded(record, plan, results, observed)) return;
    value = expectedRecord(desired, observed);
  }
  if (!value || (!wrote && value === record.current)) return;
  await holderTagging(record)
    .tag(ctx, record.holder.id, { [DEPLOYMENT_TAG]: value })
    .catch(() => undefined);
}

/** Every vouched-for resource is, by the List calls now, where this publish left it or found it. */
function stillAsRecorded(
  record: DeploymentRecord,
  plan: Plan<DesiredResource>,
  results: readonly ResourceResult[],
  now: ReadonlyMap<string, Observed>,
): boolean {
  const byKey = new Map(results.map((r) => [resourceKey(r), r]));
  return plan.operations.every((op) => {
    if (op.action === 'delete' || !coveredByRecord(op.desired.resource)) return true;
    const key = resourceKey(op);
    const seen = now.get(key);
    const recorded = op.action === 'no-op' ? undefined : byKey.get(key)?.recorded;
    const before = record.observed.get(key);
    if (kindOf(op.desired.resource.kind).listing?.recordedBy === 'publishedVersion') {
      const version = recorded?.version ?? before?.version;
      return version === undefined || version === seen?.version;
    }
    const stamp = recorded?.lastUpdated ?? before?.stamp;
    return stamp === undefined || stamp === seen?.stamp;
  });
}
