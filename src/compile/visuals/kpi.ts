import { parseField } from '../definition/fields.ts';
import { chart, overDataset, type SpecOf, type VisualType } from './visual-type.ts';

/** `kpi` → KPIVisual: one measure; its label stands in for a missing title. */
export const kpi: VisualType<SpecOf<'kpi'>> = {
  quicksight: 'KPIVisual',
  build: overDataset((spec, fields, site) => ({
    visual: chart('KPIVisual', { ...spec, title: spec.title ?? parseField(spec.value).label }, site, {
      FieldWells: { Values: [fields.measure(spec.value, 'value')] },
    }),
  })),
};
