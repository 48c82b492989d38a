import type { DesiredBase } from '../compile/index.ts';
import { capabilityProblems } from './coherence.ts';
import type { KindDefinition } from './kind.ts';
import { kindOrder, KindRegistryError, orderProblems, type KindOrder } from './order.ts';

/**
 * A registry of kinds, checked as trailsight starts: each kind under its own name, its capabilities
 * fitting together, its dependencies registered and free of cycles. Returns the derived order;
 * throws a KindRegistryError naming every problem at once.
 */
export function checkRegistry(registry: Readonly<Record<string, KindDefinition<DesiredBase>>>): KindOrder {
  const kinds = Object.values(registry);
  const misnamed = Object.entries(registry)
    .filter(([key, kind]) => kind.name !== key)
    .map(([key, kind]) => `${kind.name} is registered under the name ${key}`);
  const problems = [...misnamed, ...capabilityProblems(kinds), ...orderProblems(kinds)];
  if (problems.length > 0) throw new KindRegistryError(problems);
  return kindOrder(kinds);
}
