import { chart, defined, overDataset, type SpecOf, type VisualType } from './visual-type.ts';

/** `pivot` → PivotTableVisual: row and column dimensions, value measures; labels as headers. */
export const pivot: VisualType<SpecOf<'pivot'>> = {
  quicksight: 'PivotTableVisual',
  build: overDataset((spec, fields, site) => {
    const Rows = spec.rows.map((f, i) => fields.dimension(f, 'rows', i));
    const Columns = spec.columns?.map((f, i) => fields.dimension(f, 'columns', i));
    const Values = spec.values.map((f, i) => fields.measure(f, 'values', i));
    const labelled = fields.labelled();
    return {
      visual: chart('PivotTableVisual', spec, site, {
        FieldWells: { PivotTableAggregatedFieldWells: defined({ Rows, Columns, Values }) },
        FieldOptions: labelled.length > 0 ? { SelectedFieldOptions: labelled.map((l) => ({ FieldId: l.fieldId, CustomLabel: l.label })) } : undefined,
      }),
    };
  }),
};
