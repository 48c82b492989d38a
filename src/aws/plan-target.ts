import type { DesiredResource, ResolvedTarget } from '../compile/index.ts';
import { buildPlan, desiredModel, type Plan } from '../plan/index.ts';
import type { AwsClients } from './clients.ts';
import type { AwsContext } from './kinds/index.ts';
import { readActualState } from './read-state.ts';
import { DEFAULT_WAIT, type WaitPolicy } from './wait.ts';

export interface PlanTargetOptions {
  /** `full` for `plan` and `publish --refresh` (drift anywhere shows); `quick` for `publish`. */
  readonly depth: 'quick' | 'full';
  readonly prune: boolean;
  readonly concurrency: number;
}

export function awsContext(clients: AwsClients, target: ResolvedTarget, wait: WaitPolicy = DEFAULT_WAIT): AwsContext {
  return { clients, account: target.account, region: target.region, wait };
}

/** Reads the target and plans: the compiled resources vs what exists. */
export async function planTarget(ctx: AwsContext, target: ResolvedTarget, resources: readonly DesiredResource[], options: PlanTargetOptions): Promise<Plan> {
  const desired = resources.map((resource) => desiredModel(resource));
  const state = await readActualState(ctx, desired, {
    depth: options.depth,
    prune: options.prune,
    target: { name: target.name, idPrefix: target.idPrefix },
    concurrency: options.concurrency,
  });
  return buildPlan({ target: target.name, desired, actual: state.actual, prune: state.prune, ...(state.deployment ? { deployment: state.deployment } : {}) });
}
