import { parseField } from '../definition/fields.ts';
import { overDataset, titles, type SpecOf, type VisualType } from './visual-type.ts';

/** `kpi` → KPIVisual: one measure; its label stands in for a missing title. */
export const kpi: VisualType<SpecOf<'kpi'>> = {
  quicksight: 'KPIVisual',
  build: overDataset((spec, fields, site) => ({
    visual: {
      KPIVisual: {
        VisualId: spec.id,
        ...titles({ title: spec.title ?? parseField(spec.value).label, subtitle: spec.subtitle }, site),
        ChartConfiguration: { FieldWells: { Values: [fields.measure(spec.value, 'value')] } },
      },
    },
  })),
};
