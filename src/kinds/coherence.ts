import type { DesiredBase } from '../compile/index.ts';
import type { KindDefinition } from './kind.ts';

/**
 * What a kind's capabilities need of each other, each broken rule in a sentence (checked with the
 * order when trailsight starts): the capability objects make the type system check each alone.
 */
export function capabilityProblems(kinds: readonly KindDefinition<DesiredBase>[]): string[] {
  const problems = kinds.flatMap((kind) => {
    const out: string[] = [];
    const needs = (has: boolean, what: string, because: string) => {
      if (!has) out.push(`${kind.name} ${because} but has no ${what}`);
    };
    if (kind.fingerprint === 'tag') needs(!!kind.tagging, 'tagging', 'keeps its fingerprint in a tag');
    if (kind.stamping) {
      needs(kind.fingerprint === 'tag', 'fingerprint tag', 'stamps its fingerprint tag with its LastUpdatedTime');
      needs(!!kind.listing, 'listing', 'stamps its fingerprint tag with the LastUpdatedTime its List call shows');
    }
    if (kind.pruning) {
      needs(!!kind.listing, 'listing', 'is pruned (found by its List call)');
      needs(!!kind.tagging, 'tagging', 'is pruned (only where its tags say trailsight made it)');
    }
    if (kind.holdsDeploymentRecord) needs(!!kind.tagging, 'tagging', 'holds the deployment record (a tag)');
    return out;
  });
  const holders = kinds.filter((k) => k.holdsDeploymentRecord).map((k) => k.name);
  if (holders.length > 1) problems.push(`only one kind can hold the deployment record, not ${holders.join(' and ')}`);
  return problems;
}
