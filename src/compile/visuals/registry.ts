import type { Visual as VisualSpec } from '../../language/schema/index.ts';
import { bar } from './bar.ts';
import { heatmap } from './heatmap.ts';
import { kpi } from './kpi.ts';
import { line } from './line.ts';
import { pie } from './pie.ts';
import { pivot } from './pivot.ts';
import { raw } from './raw.ts';
import { table } from './table.ts';
import type { BuiltVisual, SpecOf, VisualSite, VisualType } from './visual-type.ts';

/** Every visual type of the spec language and the QuickSight visual it compiles to: the one list. */
export const VISUAL_TYPES: { readonly [K in VisualSpec['type']]: VisualType<SpecOf<K>> } = {
  kpi,
  bar,
  line,
  pie,
  table,
  pivot,
  heatmap,
  raw,
};

/** Compiles one visual with its registry entry. */
export function buildVisual(spec: VisualSpec, site: VisualSite): BuiltVisual | undefined {
  const type = VISUAL_TYPES[spec.type] as VisualType<VisualSpec>;
  return type.build(spec, site);
}
