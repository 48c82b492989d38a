import type { DesiredBase } from '../compile/index.ts';
import type { KindDefinition } from './kind.ts';

type Capability = 'tagging' | 'permissions' | 'fingerprintRead' | 'settling' | 'stamping' | 'listing' | 'publishing' | 'pruning';

/**
 * A capability an operation needs of its kind. The plan only asks for what the kind's model has
 * (tag changes only where it has tags…) and the registry's check ties capabilities together, so a
 * missing one is trailsight's own error: said so, by name, rather than a call on `undefined`.
 */
export function capability<D extends KindDefinition<DesiredBase>, C extends Capability>(kind: D, name: C): NonNullable<D[C]> {
  const value = kind[name];
  if (value === undefined || value === null) throw new Error(`internal: the plan needs ${name} of ${kind.name}, which has none`);
  return value;
}
