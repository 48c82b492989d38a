import { dimensionField, measureField } from '../definition/fields.ts';
import { axisLabels } from './labels.ts';
import { categorySort, itemsLimit } from './limits.ts';
import { chart, defined, type CheckedOf, type VisualType } from './visual-type.ts';

/** `pie` → PieChartVisual; `donut: true` draws it as a donut (DonutOptions). */
export const pie: VisualType<CheckedOf<'pie'>> = {
  quicksight: 'PieChartVisual',
  build: ({ spec, dataset, group, value, sort }) => {
    const CategorySort = categorySort(dataset, sort, spec.limit, value);
    const CategoryItemsLimit = itemsLimit(spec.limit);
    return {
      visual: chart('PieChartVisual', spec, {
        FieldWells: { PieChartAggregatedFieldWells: { Category: [dimensionField(dataset, group)], Values: [measureField(dataset, value)] } },
        SortConfiguration: CategorySort || CategoryItemsLimit ? defined({ CategorySort, CategoryItemsLimit }) : undefined,
        DonutOptions: { ArcOptions: { ArcThickness: spec.donut ? 'MEDIUM' : 'WHOLE' } },
        CategoryLabelOptions: axisLabels(dataset, [group]),
        ValueLabelOptions: axisLabels(dataset, [value]),
      }),
    };
  },
};
