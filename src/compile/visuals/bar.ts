import { categorySort, itemsLimit } from './limits.ts';
import { chart, defined, legendTitle, overDataset, type SpecOf, type VisualType } from './visual-type.ts';

/** `bar` → BarChartVisual: x categories, y measures, optional color groups; top-N by `limit`. */
export const bar: VisualType<SpecOf<'bar'>> = {
  quicksight: 'BarChartVisual',
  build: overDataset((spec, fields, site) => {
    const Category = [fields.dimension(spec.x, 'x')];
    const Values = fields.measures(spec.y, 'y');
    const Colors = spec.color ? [fields.dimension(spec.color, 'color')] : undefined;
    const CategorySort = categorySort(fields, spec.sort, spec.limit, 'y');
    const CategoryItemsLimit = itemsLimit(spec.limit);
    return {
      visual: chart('BarChartVisual', spec, site, {
        FieldWells: { BarChartAggregatedFieldWells: defined({ Category, Values, Colors }) },
        SortConfiguration: CategorySort || CategoryItemsLimit ? defined({ CategorySort, CategoryItemsLimit }) : undefined,
        Orientation: spec.horizontal ? 'HORIZONTAL' : 'VERTICAL',
        BarsArrangement: spec.stacked ? 'STACKED' : 'CLUSTERED',
        CategoryLabelOptions: fields.axisLabels('x'),
        ValueLabelOptions: fields.axisLabels('y'),
        ...legendTitle(fields.label('color')),
      }),
    };
  }),
};
