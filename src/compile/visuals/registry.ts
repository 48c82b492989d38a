import type { CheckedVisual } from '../../language/index.ts';
import { bar } from './bar.ts';
import { heatmap } from './heatmap.ts';
import { kpi } from './kpi.ts';
import { line } from './line.ts';
import { pie } from './pie.ts';
import { pivot } from './pivot.ts';
import { raw } from './raw.ts';
import { table } from './table.ts';
import type { BuiltVisual, CheckedOf, VisualType } from './visual-type.ts';

/** Every visual type of the spec language and the QuickSight visual it compiles to: the one list. */
export const VISUAL_TYPES: { readonly [K in CheckedVisual['type']]: VisualType<CheckedOf<K>> } = {
  kpi,
  bar,
  line,
  pie,
  table,
  pivot,
  heatmap,
  raw,
};

/** Compiles one checked visual with its registry entry. */
export function buildVisual(visual: CheckedVisual): BuiltVisual {
  const type = VISUAL_TYPES[visual.type] as VisualType<CheckedVisual>;
  return type.build(visual);
}
