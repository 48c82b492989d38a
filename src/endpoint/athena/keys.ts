/** Store keys of Athena's records: workgroups and query executions, per account and region. */
export function workGroupKey(account: string, region: string, name: string): string[] {
  return ['athena', account, region, 'workgroups', name];
}

export function workGroupsKey(account: string, region: string): string[] {
  return ['athena', account, region, 'workgroups'];
}

export function executionKey(account: string, region: string, id: string): string[] {
  return ['athena', account, region, 'executions', id];
}

export function executionsKey(account: string, region: string): string[] {
  return ['athena', account, region, 'executions'];
}

export function resultKey(account: string, region: string, id: string): string[] {
  return ['athena', account, region, 'results', id];
}

/** Every account and region has the `primary` workgroup, as in Athena. */
export const PRIMARY_WORKGROUP = 'primary';
