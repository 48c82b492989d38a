import type { ResolvedTarget } from '../compile/index.ts';
import type { AwsClients } from './clients.ts';
import { DEFAULT_WAIT, type WaitPolicy } from './wait.ts';

/** What every AWS call needs: the clients and where the resources live. */
export interface AwsContext {
  readonly clients: AwsClients;
  readonly account: string;
  readonly region: string;
  readonly wait: WaitPolicy;
}

export function awsContext(clients: AwsClients, target: ResolvedTarget, wait: WaitPolicy = DEFAULT_WAIT): AwsContext {
  return { clients, account: target.account, region: target.region, wait };
}
