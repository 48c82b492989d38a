import { categorySort, itemsLimit } from './limits.ts';
import { chart, defined, overDataset, type SpecOf, type VisualType } from './visual-type.ts';

/** `pie` → PieChartVisual; `donut: true` draws it as a donut (DonutOptions). */
export const pie: VisualType<SpecOf<'pie'>> = {
  quicksight: 'PieChartVisual',
  build: overDataset((spec, fields, site) => {
    const Category = [fields.dimension(spec.group, 'group')];
    const Values = [fields.measure(spec.value, 'value')];
    const CategorySort = categorySort(fields, spec.sort, spec.limit, 'value');
    const CategoryItemsLimit = itemsLimit(spec.limit);
    return {
      visual: chart('PieChartVisual', spec, site, {
        FieldWells: { PieChartAggregatedFieldWells: { Category, Values } },
        SortConfiguration: CategorySort || CategoryItemsLimit ? defined({ CategorySort, CategoryItemsLimit }) : undefined,
        DonutOptions: { ArcOptions: { ArcThickness: spec.donut ? 'MEDIUM' : 'WHOLE' } },
        CategoryLabelOptions: fields.axisLabels('group'),
        ValueLabelOptions: fields.axisLabels('value'),
      }),
    };
  }),
};
