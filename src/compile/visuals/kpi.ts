import { measureField } from '../definition/fields.ts';
import { chart, type CheckedOf, type VisualType } from './visual-type.ts';

/** `kpi` → KPIVisual: one measure; its label stands in for a missing title. */
export const kpi: VisualType<CheckedOf<'kpi'>> = {
  quicksight: 'KPIVisual',
  build: ({ spec, dataset, value }) => ({
    visual: chart('KPIVisual', { ...spec, title: spec.title ?? value.label }, { FieldWells: { Values: [measureField(dataset, value)] } }),
  }),
};
