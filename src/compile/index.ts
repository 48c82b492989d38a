/**
 * Compile: the checked specs + target → the exact Glue, Athena and QuickSight requests. Each
 * resource kind's compile entry (src/kinds/<kind>/compile.ts) calls these helpers; `compile()` of
 * src/kinds runs them all.
 */
export { resourceKey, type DesiredBase, type Service } from './resource.ts';
export type { ResolvedTarget } from './target.ts';
export { resolveTarget, targetSpec, TargetError, LOCAL_ACCOUNT, LOCAL_REGION, type ResolveTargetOptions } from './resolve-target.ts';
export { canonical, canonicalJson, type Json, type JsonObject } from './canonical-json.ts';
export { permissionsFor, type ActionSets } from './permissions.ts';
export { MANAGED_BY_KEY, MANAGED_BY_VALUE, SPEC_HASH_KEY, SPEC_ID_KEY, TARGET_KEY, resourceTags, specHash, tagList } from './tags.ts';
export { glueName, partition, resourceId } from './names.ts';
export { VISUAL_TYPES } from './visuals/registry.ts';
export {
  dayFolder,
  glueTableName,
  logsKeyPrefix,
  logsLocation,
  partitionKeyPrefix,
  projectedPartitions,
  trailKeyPrefix,
  type LogPartition,
} from './glue/table.ts';
