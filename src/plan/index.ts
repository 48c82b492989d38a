/** plan: desired (compiled) vs actual (what the AWS edge found) in one model, the diff, the plan as data, its renderings. Pure. */
export type { Actual, ActualModel, Grant, Json, JsonObject, ResourceModel } from './resource-model.ts';
export { lifecycleStatus, type LifecycleStatus } from './lifecycle.ts';
export { canonical, canonicalObject, omitKeys } from './canonical.ts';
export { normalisePermissions, normaliseTags, toResourcePermissions } from './access.ts';
export { desiredModel, type ComparedParts, type CompareRules, type DesiredModel, type FingerprintPlace } from './desired.ts';
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
export { buildPlan, planResource, stampHolds, type PlanInput } from './build-plan.ts';
export * from './operations.ts';
export { renderPlanText, summaryLine } from './render-text.ts';
export { renderPlanJson } from './render-json.ts';
export { assertNever } from './never.ts';
