import type { HeatMapSortConfiguration } from '@aws-sdk/client-quicksight';
import { itemsLimit } from './limits.ts';
import { chart, legendTitle, overDataset, type SpecOf, type VisualType } from './visual-type.ts';

/** `heatmap` → HeatMapVisual: rows × columns colored by a measure; `limit` keeps the top rows and columns. */
export const heatmap: VisualType<SpecOf<'heatmap'>> = {
  quicksight: 'HeatMapVisual',
  build: overDataset((spec, fields, site) => {
    const Rows = [fields.dimension(spec.rows, 'rows')];
    const Columns = [fields.dimension(spec.columns, 'columns')];
    const Values = [fields.measure(spec.value, 'value')];
    const byValue = [{ FieldSort: { FieldId: `${spec.id}.value.0`, Direction: 'DESC' as const } }];
    const SortConfiguration: HeatMapSortConfiguration | undefined = spec.limit
      ? {
          HeatMapRowSort: byValue,
          HeatMapColumnSort: byValue,
          HeatMapRowItemsLimitConfiguration: itemsLimit(spec.limit),
          HeatMapColumnItemsLimitConfiguration: itemsLimit(spec.limit),
        }
      : undefined;
    return {
      visual: chart('HeatMapVisual', spec, site, {
        FieldWells: { HeatMapAggregatedFieldWells: { Rows, Columns, Values } },
        SortConfiguration,
        RowLabelOptions: fields.axisLabels('rows'),
        ColumnLabelOptions: fields.axisLabels('columns'),
        ...legendTitle(fields.label('value')),
      }),
    };
  }),
};
