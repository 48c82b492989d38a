import { dimensionField, measureField } from '../definition/fields.ts';
import { labelled } from './labels.ts';
import { chart, defined, type CheckedOf, type VisualType } from './visual-type.ts';

/** `pivot` → PivotTableVisual: row and column dimensions, value measures; labels as headers. */
export const pivot: VisualType<CheckedOf<'pivot'>> = {
  quicksight: 'PivotTableVisual',
  build: ({ spec, dataset, rows, columns, values }) => {
    const labels = labelled([...rows, ...(columns ?? []), ...values]);
    return {
      visual: chart('PivotTableVisual', spec, {
        FieldWells: {
          PivotTableAggregatedFieldWells: defined({
            Rows: rows.map((f) => dimensionField(dataset, f)),
            Columns: columns?.map((f) => dimensionField(dataset, f)),
            Values: values.map((f) => measureField(dataset, f)),
          }),
        },
        FieldOptions: labels.length > 0 ? { SelectedFieldOptions: labels } : undefined,
      }),
    };
  },
};
