import type { ResourceKind } from '../compile/resource.ts';
import type { DesiredModel } from './desired.ts';
import { diffPermissions } from './diff-access.ts';
import type { Grant } from './resource-model.ts';

/**
 * The kinds whose permissions a plain `publish` reads (one `Describe*Permissions` each), whatever
 * the deployment record or fingerprint say: a grant or revoke made outside trailsight moves no
 * LastUpdatedTime and no fingerprint, and these are what expose the data to people — the data
 * source, the datasets and the dashboards viewers open. A drifted one is then read in full and
 * restored (grant and revoke).
 *
 * Analyses are left out: their reads (one per dashboard, as every dashboard has one) would take a
 * no-op publish past one read per resource (issue 6's bound). Their permissions are compared by
 * `plan` and restored by `publish --refresh`, as is documented in the README.
 */
export const PERMISSIONS_READ_ON_PUBLISH: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['DataSource', 'DataSet', 'Dashboard']);

/** Whether permissions read apart (if any were) are what the specs give. */
export function permissionsHold(desired: DesiredModel, read: readonly Grant[] | undefined): boolean {
  if (read === undefined || desired.model.permissions === undefined) return true;
  return diffPermissions(read, desired.model.permissions) === undefined;
}
