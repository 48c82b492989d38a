import type { YamlLocated } from '../load/located.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/**
 * Ids are unique per AWS resource type. Dashboards and analyses share one id space: a Dashboard also
 * compiles to an analysis with its id. A duplicate is reported at the second file, naming the first.
 */
export const uniqueIds: Rule = {
  name: 'unique-ids',
  check({ datasets, boards, themes, folders }) {
    const spaces: { what: string; specs: readonly YamlLocated<{ id: string; kind: string }>[] }[] = [
      { what: 'dataset', specs: datasets },
      { what: 'analysis', specs: boards },
      { what: 'theme', specs: themes },
      { what: 'folder', specs: folders },
    ];
    return spaces.flatMap(({ what, specs }) => {
      const first = new Map<string, YamlLocated<{ id: string; kind: string }>>();
      return specs.flatMap((located) => {
        const earlier = first.get(located.spec.id);
        if (!earlier) {
          first.set(located.spec.id, located);
          return [];
        }
        const { line, col } = earlier.at(['id']);
        const also = what === 'analysis' ? ' (dashboards and analyses share ids: a dashboard is also an analysis)' : '';
        return [
          findingAt(
            located,
            ['id'],
            this.name,
            `duplicate ${what} id '${located.spec.id}': already used by the ${earlier.spec.kind} in ${earlier.file}:${line}:${col}${also}`,
          ),
        ];
      });
    });
  },
};
