/** Compile: specs + target → the exact Glue, Athena and QuickSight requests (see compile.ts). */
export { compile, sortResources } from './compile.ts';
export { KIND_ORDER, resourceKey, type DesiredResource, type ResourceKind } from './resource.ts';
export type { ResolvedTarget } from './target.ts';
export { resolveTarget, targetSpec, TargetError, LOCAL_ACCOUNT, LOCAL_REGION, type ResolveTargetOptions } from './resolve-target.ts';
export { canonicalJson, sortKeys } from './canonical-json.ts';
export { requestFileName, requestFiles } from './request-files.ts';
export { ACTIONS, permissionsFor } from './permissions.ts';
export { MANAGED_BY_KEY, MANAGED_BY_VALUE, SPEC_HASH_KEY, SPEC_ID_KEY, TARGET_KEY, specHash } from './tags.ts';
export { VISUAL_TYPES } from './visuals/registry.ts';
