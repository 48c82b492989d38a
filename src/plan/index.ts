/** plan: desired (compiled) vs actual (described) in one model, the diff, the plan as data, its renderings. Pure. */
export type { ActualResource, Grant, Json, JsonObject, LifecycleStatus, ResourceModel } from './resource-model.ts';
export { canonical, canonicalObject } from './canonical.ts';
export { normalisePermissions, normaliseTags, toResourcePermissions } from './access.ts';
export { KIND_RULES, type FingerprintPlace, type KindRules } from './kinds.ts';
export { desiredModel, type DesiredModel } from './desired.ts';
export { diffValues, projectOnto, type PropertyChange } from './diff-properties.ts';
export { diffPermissions, diffTags, type PermissionChanges, type TagChanges } from './diff-access.ts';
export {
  FINGERPRINT_TAG,
  MANAGED_BY,
  TARGET_TAG,
  fingerprintFromVersionDescription,
  fingerprintOf,
  fingerprintTagValue,
  isManaged,
  parseFingerprintTag,
  stampOf,
  versionDescription,
} from './ownership.ts';
export { comparedTags, coveredByDeployment, DEPLOYMENT_TAG, deploymentValue, type DeploymentRecord, type Observed } from './deployment.ts';
export { buildPlan, settledByFingerprint, type PlanInput } from './build-plan.ts';
export { PERMISSIONS_READ_ON_PUBLISH, permissionsHold } from './publish-permissions.ts';
export * from './operations.ts';
export { renderPlanText, summaryLine } from './render-text.ts';
export { renderPlanJson } from './render-json.ts';
