import type { Finding } from '../finding.ts';
import { boardVisuals } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** A `raw` visual holds one QuickSight visual (`{ BarChartVisual: {…} }`) whose VisualId equals the visual's id. */
export const rawVisual: Rule = {
  name: 'raw-visual',
  check({ boards }) {
    return boards.flatMap((located) =>
      boardVisuals(located.spec).flatMap(({ visual, path }): Finding[] => {
        if (visual.type !== 'raw') return [];
        const keys = Object.keys(visual.visual);
        if (keys.length !== 1) {
          return [findingAt(located, [...path, 'visual'], this.name, `raw visual '${visual.id}': expected exactly one QuickSight visual type key (e.g. BarChartVisual), found ${keys.length}`)];
        }
        const inner = visual.visual[keys[0]] as { VisualId?: unknown } | null;
        const visualId = typeof inner === 'object' && inner !== null ? inner.VisualId : undefined;
        if (visualId === visual.id) return [];
        const where = visualId === undefined ? [...path, 'visual', keys[0]] : [...path, 'visual', keys[0], 'VisualId'];
        return [findingAt(located, where, this.name, `raw visual '${visual.id}': ${keys[0]}.VisualId must be '${visual.id}' (the visual's id), found ${JSON.stringify(visualId ?? null)}`)];
      }),
    );
  },
};
