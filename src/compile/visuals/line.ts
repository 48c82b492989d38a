import { dimensionField, measureField } from '../definition/fields.ts';
import { axisLabels } from './labels.ts';
import { chart, defined, legendTitle, type CheckedOf, type VisualType } from './visual-type.ts';

/** `line` → LineChartVisual: x (a datetime at `granularity`, usually), y measures, optional color groups. */
export const line: VisualType<CheckedOf<'line'>> = {
  quicksight: 'LineChartVisual',
  build: ({ spec, dataset, x, y, color }) => ({
    visual: chart('LineChartVisual', spec, {
      FieldWells: {
        LineChartAggregatedFieldWells: defined({
          Category: [dimensionField(dataset, x)],
          Values: y.map((m) => measureField(dataset, m)),
          Colors: color ? [dimensionField(dataset, color)] : undefined,
        }),
      },
      Type: 'LINE',
      XAxisLabelOptions: axisLabels(dataset, [x]),
      PrimaryYAxisLabelOptions: axisLabels(dataset, y),
      ...legendTitle(color?.label),
    }),
  }),
};
