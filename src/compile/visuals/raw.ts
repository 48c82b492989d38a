import type { Visual } from '@aws-sdk/client-quicksight';
import type { SpecOf, VisualType } from './visual-type.ts';

/**
 * `raw` → the QuickSight visual given, untouched. It must be one visual (one `…Visual` member) whose
 * VisualId is the spec's `id`, so layouts and filter scopes can point at it.
 */
export const raw: VisualType<SpecOf<'raw'>> = {
  quicksight: '*',
  build(spec, site) {
    const members = Object.keys(spec.visual);
    const inner = spec.visual[members[0]] as { VisualId?: unknown } | undefined;
    if (members.length !== 1 || !members[0].endsWith('Visual') || typeof inner !== 'object' || inner === null) {
      site.ctx.report([...site.path, 'visual'], 'a raw visual is one QuickSight visual, e.g. { BarChartVisual: { VisualId: ..., ... } }');
      return undefined;
    }
    if (inner.VisualId !== spec.id) {
      site.ctx.report([...site.path, 'visual'], `the raw visual's VisualId must be "${spec.id}" (its id), not ${JSON.stringify(inner.VisualId)}`);
    }
    return { visual: spec.visual as Visual };
  },
};
