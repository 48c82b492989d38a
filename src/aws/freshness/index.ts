/**
 * Freshness, at the AWS edge: for each desired resource, either its full actual model or the
 * verdict that it is unchanged since trailsight converged it — from the fingerprint recorded on it
 * (one cheap read) or the target's deployment record (no read of its own) — and the bookkeeping
 * that keeps that record. `plan/` only compares what this returns; apply never reads to plan.
 */
export { readExisting, readTarget, type ReadOptions, type TargetState } from './read-target.ts';
export { DEPLOYMENT_TAG, forgetDeployment, recordDeployment, type DeploymentRecord } from './deployment-record.ts';
