import { chart, defined, legendTitle, overDataset, type SpecOf, type VisualType } from './visual-type.ts';

/** `line` → LineChartVisual: x (a datetime at `granularity`, usually), y measures, optional color groups. */
export const line: VisualType<SpecOf<'line'>> = {
  quicksight: 'LineChartVisual',
  build: overDataset((spec, fields, site) => {
    const Category = [fields.dimension(spec.x, 'x', undefined, spec.granularity)];
    const Values = fields.measures(spec.y, 'y');
    const Colors = spec.color ? [fields.dimension(spec.color, 'color')] : undefined;
    return {
      visual: chart('LineChartVisual', spec, site, {
        FieldWells: { LineChartAggregatedFieldWells: defined({ Category, Values, Colors }) },
        Type: 'LINE',
        XAxisLabelOptions: fields.axisLabels('x'),
        PrimaryYAxisLabelOptions: fields.axisLabels('y'),
        ...legendTitle(fields.label('color')),
      }),
    };
  }),
};
