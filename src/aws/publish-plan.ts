import type { DesiredResource } from '../kinds/index.ts';
import { planResource, type DesiredModel, type Operation } from '../plan/index.ts';
import { applyPlan, type ApplyOptions, type ResourceResult } from './apply.ts';
import type { AwsContext } from './context.ts';
import { forgetDeployment, readExisting, recordDeployment } from './freshness/index.ts';
import type { TargetPlan } from './plan-target.ts';

/**
 * Publishes a plan: removes the target's deployment record before anything it vouches for changes,
 * applies the plan, and writes the record again once everything converged.
 */
export async function publishPlan(ctx: AwsContext, planned: TargetPlan, options: Omit<ApplyOptions, 'planExisting'>): Promise<ResourceResult[]> {
  await forgetDeployment(ctx, planned.record, planned.plan);
  const results = await applyPlan(ctx, planned.plan, { ...options, planExisting: (desired) => planExisting(ctx, desired) });
  await recordDeployment(ctx, planned.record, planned.plan, results);
  return results;
}

/** A resource a create met already there, read in full and planned again. */
async function planExisting(ctx: AwsContext, desired: DesiredModel<DesiredResource>): Promise<Operation<DesiredResource>> {
  return planResource(desired, await readExisting(ctx, desired));
}
