/** QuickSight's life-cycle status, where the kind has one. */
export type LifecycleStatus =
  | 'CREATION_IN_PROGRESS'
  | 'CREATION_SUCCESSFUL'
  | 'CREATION_FAILED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_SUCCESSFUL'
  | 'UPDATE_FAILED'
  | 'DELETED';

const STATUSES: ReadonlySet<string> = new Set<LifecycleStatus>([
  'CREATION_IN_PROGRESS',
  'CREATION_SUCCESSFUL',
  'CREATION_FAILED',
  'UPDATE_IN_PROGRESS',
  'UPDATE_SUCCESSFUL',
  'UPDATE_FAILED',
  'DELETED',
]);

function isLifecycleStatus(status: string): status is LifecycleStatus {
  return STATUSES.has(status);
}

/** A status as QuickSight reports it, as the life-cycle status plan knows; undefined for none or any other text. */
export function lifecycleStatus(status: string | undefined): LifecycleStatus | undefined {
  return status !== undefined && isLifecycleStatus(status) ? status : undefined;
}
