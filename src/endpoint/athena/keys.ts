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

/** Where StartQueryExecution remembers a ClientRequestToken, so a retry returns the same execution. */
export function tokenKey(account: string, region: string, token: string): string[] {
  return ['athena', account, region, 'tokens', token];
}

export function tokensKey(account: string, region: string): string[] {
  return ['athena', account, region, 'tokens'];
}

/** A remembered ClientRequestToken (records written before `token` and `SubmissionDateTime` have only `id`). */
export interface TokenRecord {
  readonly id: string;
  readonly token?: string;
  /** Epoch milliseconds, as the execution's. */
  readonly SubmissionDateTime?: number;
}

/** Every account and region has the `primary` workgroup, as in Athena. */
export const PRIMARY_WORKGROUP = 'primary';
