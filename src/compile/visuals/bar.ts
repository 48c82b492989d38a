import { dimensionField, measureField } from '../definition/fields.ts';
import { axisLabels } from './labels.ts';
import { categorySort, itemsLimit } from './limits.ts';
import { chart, defined, legendTitle, type CheckedOf, type VisualType } from './visual-type.ts';

/** `bar` → BarChartVisual: x categories, y measures, optional color groups; top-N by `limit`. */
export const bar: VisualType<CheckedOf<'bar'>> = {
  quicksight: 'BarChartVisual',
  build: ({ spec, dataset, x, y, color, sort }) => {
    const Colors = color ? [dimensionField(dataset, color)] : undefined;
    const CategorySort = categorySort(dataset, sort, spec.limit, y[0]);
    const CategoryItemsLimit = itemsLimit(spec.limit);
    return {
      visual: chart('BarChartVisual', spec, {
        FieldWells: {
          BarChartAggregatedFieldWells: defined({ Category: [dimensionField(dataset, x)], Values: y.map((m) => measureField(dataset, m)), Colors }),
        },
        SortConfiguration: CategorySort || CategoryItemsLimit ? defined({ CategorySort, CategoryItemsLimit }) : undefined,
        Orientation: spec.horizontal ? 'HORIZONTAL' : 'VERTICAL',
        BarsArrangement: spec.stacked ? 'STACKED' : 'CLUSTERED',
        CategoryLabelOptions: axisLabels(dataset, [x]),
        ValueLabelOptions: axisLabels(dataset, y),
        ...legendTitle(color?.label),
      }),
    };
  },
};
