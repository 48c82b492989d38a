/**
 * Every visual type of QuickSight's API (the members of its `Visual` shape, in the model the repo
 * carries: src/awsmodel/models/quicksight.json; a test holds the two equal), with the name QuickSight's
 * console gives it. A visual of a type the preview does not draw is shown as a box naming it.
 */
export const VISUAL_TYPE_NAMES = {
  TableVisual: 'Table',
  PivotTableVisual: 'Pivot table',
  BarChartVisual: 'Bar chart',
  KPIVisual: 'KPI',
  PieChartVisual: 'Pie chart',
  GaugeChartVisual: 'Gauge chart',
  LineChartVisual: 'Line chart',
  HeatMapVisual: 'Heat map',
  TreeMapVisual: 'Tree map',
  GeospatialMapVisual: 'Points on map',
  FilledMapVisual: 'Filled map',
  LayerMapVisual: 'Layer map',
  FunnelChartVisual: 'Funnel chart',
  ScatterPlotVisual: 'Scatter plot',
  ComboChartVisual: 'Combo chart',
  BoxPlotVisual: 'Box plot',
  WaterfallVisual: 'Waterfall chart',
  HistogramVisual: 'Histogram',
  WordCloudVisual: 'Word cloud',
  InsightVisual: 'Insight',
  SankeyDiagramVisual: 'Sankey diagram',
  CustomContentVisual: 'Custom visual content',
  EmptyVisual: 'Empty visual',
  RadarChartVisual: 'Radar chart',
  PluginVisual: 'Plugin visual',
} as const;

export type VisualTypeKey = keyof typeof VISUAL_TYPE_NAMES;

/** How a box names a visual type: `Combo chart (ComboChartVisual)`; a type this list lacks by its key alone. */
export function visualTypeName(key: string): string {
  const name = (VISUAL_TYPE_NAMES as Record<string, string>)[key];
  return name ? `${name} (${key})` : key;
}
