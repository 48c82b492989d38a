import { diffPermissions, diffTags, stampHolds, type Actual, type DesiredModel, type Grant, type LifecycleStatus } from '../../plan/index.ts';
import { withoutDeploymentRecord } from './deployment-record.ts';
import type { Found } from './found.ts';

/**
 * Whether what was found settles the resource without a full read. Read in full, missing: nothing
 * more to read. Vouched for by the deployment record: if the permissions read apart are the specs'.
 * Its fingerprint read: a leftover to replace settles it (recreated); else the permissions read
 * apart must be the specs', the fingerprint trailsight recorded the specs' one, the status settled,
 * a stamped kind's LastUpdatedTime where trailsight left it (else someone edited it) and, where the
 * read returned every tag, the tags the specs'. Kinds without a fingerprint are always read in full.
 */
export function settled(desired: DesiredModel, found: Found): boolean {
  switch (found.read) {
    case 'nothing':
    case 'full':
      return true;
    case 'vouched':
      return permissionsHold(desired, found.permissions);
    case 'fingerprint': {
      const { status, fingerprint, stamp, tags } = found.record;
      if (brokenStatus(status)) return true;
      if (!permissionsHold(desired, found.permissions)) return false;
      if (desired.rules.fingerprint === 'none') return false;
      if (desired.rules.stamped && !stampHolds({ stamp, lastUpdated: found.lastUpdated })) return false;
      if (tags && desired.model.tags && diffTags(withoutDeploymentRecord(tags), desired.model.tags)) return false;
      return fingerprint === desired.fingerprint && isSettled(status);
    }
  }
}

/** What plan is told of a resource once it is settled: missing, a leftover to replace, unchanged (and why), or its full model. */
export function verdict(found: Found): Actual {
  switch (found.read) {
    case 'nothing':
      return { found: 'nothing' };
    case 'vouched':
      return { found: 'unchanged', checked: 'deployment' };
    case 'fingerprint': {
      const broken = brokenStatus(found.record.status);
      return broken ? { found: 'leftover', status: broken } : { found: 'unchanged', checked: 'fingerprint' };
    }
    case 'full': {
      const broken = brokenStatus(found.actual.status);
      if (broken) return { found: 'leftover', status: broken };
      const { model } = found.actual;
      return { found: 'model', actual: { ...found.actual, model: { ...model, ...(model.tags ? { tags: withoutDeploymentRecord(model.tags) } : {}) } } };
    }
  }
}

/** Whether permissions read apart (if any were) are what the specs give. */
export function permissionsHold(desired: DesiredModel, read: readonly Grant[] | undefined): boolean {
  if (read === undefined || desired.model.permissions === undefined) return true;
  return diffPermissions(read, desired.model.permissions) === undefined;
}

/** A failed creation, or one awaiting deletion: it can only be replaced. */
function brokenStatus(status: string | undefined): Extract<LifecycleStatus, 'CREATION_FAILED' | 'DELETED'> | undefined {
  return status === 'CREATION_FAILED' || status === 'DELETED' ? status : undefined;
}

function isSettled(status: string | undefined): boolean {
  return status === undefined || status === 'CREATION_SUCCESSFUL' || status === 'UPDATE_SUCCESSFUL';
}
