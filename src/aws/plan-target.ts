import type { ResolvedTarget } from '../compile/index.ts';
import { desiredModelOf, type DesiredResource } from '../kinds/index.ts';
import { buildPlan, type Plan } from '../plan/index.ts';
import type { AwsContext } from './context.ts';
import { readTarget, type DeploymentRecord } from './freshness/index.ts';

export { awsContext } from './context.ts';

export interface PlanTargetOptions {
  /** `full` for `plan` and `publish --refresh` (drift anywhere shows); `quick` for `publish`. */
  readonly depth: 'quick' | 'full';
  readonly prune: boolean;
  readonly concurrency: number;
}

/** A plan of the target, and the freshness bookkeeping publishing it keeps (the deployment record as read). */
export interface TargetPlan {
  readonly plan: Plan<DesiredResource>;
  readonly record?: DeploymentRecord;
}

/** Reads the target (src/aws/freshness/) and plans: the compiled resources vs what exists. */
export async function planTarget(
  ctx: AwsContext,
  target: ResolvedTarget,
  resources: readonly DesiredResource[],
  options: PlanTargetOptions,
): Promise<TargetPlan> {
  const desired = resources.map(desiredModelOf);
  const state = await readTarget(ctx, desired, {
    depth: options.depth,
    prune: options.prune,
    target: { name: target.name, idPrefix: target.idPrefix },
    concurrency: options.concurrency,
  });
  const plan = buildPlan({ target: target.name, desired, actual: state.actual, prune: state.prune });
  return { plan, ...(state.record ? { record: state.record } : {}) };
}
