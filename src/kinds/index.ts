/**
 * Resource kinds: one folder each (dependencies, identity and ARN, compile, normalise, read, apply,
 * IAM) and the registry that lists them (see README.md).
 */
export { compile } from './compile.ts';
export { compareRules, desiredModelOf } from './desired.ts';
export { requestFileName, requestFiles } from './request-files.ts';
export { KIND_ORDER, KINDS, isKindName, kindLevel, kindOf, kindsInOrder, type DesiredResource, type KindName, type ResourceOf } from './registry.ts';
export { checkRegistry } from './check-registry.ts';
export { kindOrder, KindRegistryError, orderProblems, type KindNode, type KindOrder } from './order.ts';
export { capability } from './capability.ts';
export type * from './kind.ts';
