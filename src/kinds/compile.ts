import { resourceKey, resourceTags, type ResolvedTarget } from '../compile/index.ts';
import type { CheckedSpecs } from '../language/index.ts';
import type { CompileContext } from './kind.ts';
import { KIND_ORDER, kindOf, type DesiredResource } from './registry.ts';

/**
 * The checked specs and a target → every AWS request that realises them: each kind's compile entry,
 * in kind order (by id within a kind). Pure, deterministic, and total: the gate (src/language)
 * refused every spec mistake.
 */
export function compile(specs: CheckedSpecs, target: ResolvedTarget): DesiredResource[] {
  const projectTags = specs.project.spec.tags ?? {};
  const ctx: CompileContext = { specs, target, tagsOf: (specId, spec) => resourceTags({ specId, spec, projectTags, target }) };
  return KIND_ORDER.flatMap((name): DesiredResource[] => byKey(kindOf(name).compile(ctx)));
}

function byKey<R extends { kind: string; id: string }>(resources: R[]): R[] {
  return resources.sort((a, b) => (resourceKey(a) < resourceKey(b) ? -1 : resourceKey(a) > resourceKey(b) ? 1 : 0));
}
