import type { HeatMapSortConfiguration } from '@aws-sdk/client-quicksight';
import { dimensionField, measureField } from '../definition/fields.ts';
import { axisLabels } from './labels.ts';
import { itemsLimit } from './limits.ts';
import { chart, legendTitle, type CheckedOf, type VisualType } from './visual-type.ts';

/** `heatmap` → HeatMapVisual: rows × columns colored by a measure; `limit` keeps the top rows and columns. */
export const heatmap: VisualType<CheckedOf<'heatmap'>> = {
  quicksight: 'HeatMapVisual',
  build: ({ spec, dataset, rows, columns, value }) => {
    const byValue = [{ FieldSort: { FieldId: value.fieldId, Direction: 'DESC' as const } }];
    const SortConfiguration: HeatMapSortConfiguration | undefined = spec.limit
      ? {
          HeatMapRowSort: byValue,
          HeatMapColumnSort: byValue,
          HeatMapRowItemsLimitConfiguration: itemsLimit(spec.limit),
          HeatMapColumnItemsLimitConfiguration: itemsLimit(spec.limit),
        }
      : undefined;
    return {
      visual: chart('HeatMapVisual', spec, {
        FieldWells: {
          HeatMapAggregatedFieldWells: {
            Rows: [dimensionField(dataset, rows)],
            Columns: [dimensionField(dataset, columns)],
            Values: [measureField(dataset, value)],
          },
        },
        SortConfiguration,
        RowLabelOptions: axisLabels(dataset, [rows]),
        ColumnLabelOptions: axisLabels(dataset, [columns]),
        ...legendTitle(value.label),
      }),
    };
  },
};
