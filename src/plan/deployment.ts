import { createHash } from 'node:crypto';
import type { DesiredResource, ResourceKind } from '../compile/resource.ts';
import { keyedRecord } from '../text/keyed-record.ts';

/**
 * The deployment record: one tag, on the target's data source, that trailsight writes last after a
 * publish converged every QuickSight resource of the target. Its value hashes, for each of them,
 * the fingerprint it was converged to and what its kind's List call showed of it then (the
 * LastUpdatedTime; dashboards also their published version). When the List pages show the same
 * again and the specs give the same fingerprints, nothing was edited since and no resource needs
 * its own read. Removed before a publish changes any of them, so a run killed half-way leaves none.
 */
export const DEPLOYMENT_TAG = 'trailsight:deployment';

/** What a kind's List call shows of one resource. */
export interface Observed {
  /** Its LastUpdatedTime, as a stamp (epoch ms). */
  readonly stamp?: string;
  /** Dashboards: the published version. */
  readonly version?: number;
  readonly status?: string;
}

/** What the quick read knew of the deployment record when planning. */
export interface DeploymentRecord {
  /** The resource whose tag holds it: the target's one data source. */
  readonly holder: { readonly kind: ResourceKind; readonly id: string };
  /** The tag's value as read, if any. */
  readonly current?: string;
  /** What the List calls showed of each listed resource, by `kind/id`, when planning. */
  readonly observed: ReadonlyMap<string, Observed>;
}

/** Resources the record vouches for: the QuickSight ones (Glue and Athena are read in full every time). */
export function coveredByDeployment(resource: Pick<DesiredResource, 'service'>): boolean {
  return resource.service === 'quicksight';
}

/**
 * The record's value for these resources as listed, or undefined when one is not listed, has no
 * LastUpdatedTime or is not in a settled state (nothing can be vouched for then).
 */
export function deploymentValue(entries: readonly { kind: ResourceKind; id: string; fingerprint: string; observed: Observed | undefined }[]): string | undefined {
  const lines: string[] = [];
  for (const { kind, id, fingerprint, observed } of entries) {
    if (!observed?.stamp || !isSettledStatus(observed.status)) return undefined;
    lines.push(`${kind}/${id} ${fingerprint} ${observed.stamp}${observed.version === undefined ? '' : ` v${observed.version}`}`);
  }
  lines.sort();
  return `v1:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32)}`;
}

function isSettledStatus(status: string | undefined): boolean {
  return status === undefined || status === 'CREATION_SUCCESSFUL' || status === 'UPDATE_SUCCESSFUL';
}

/** Tags as compared with the specs': the deployment record is bookkeeping, never a tag to remove. */
export function comparedTags(tags: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  if (!Object.hasOwn(tags, DEPLOYMENT_TAG)) return tags;
  return keyedRecord(Object.entries(tags).filter(([key]) => key !== DEPLOYMENT_TAG));
}
