import type { Aggregation, SortKey, VisualModel } from './dashboard-model.ts';

/**
 * Rules shared by the SQL builder (Node) and the page (browser), so both order and cut the
 * same way.
 */

/** The sort keys a visual is drawn with: its own, or QuickSight-like defaults. */
export function effectiveSort(visual: VisualModel): SortKey[] {
  if (visual.sort.length > 0) return [...visual.sort];
  const firstCategory = visual.dimensions.find((d) => d.fieldId === visual.roles.category[0]);
  const firstMeasure = visual.measures[0];
  const byCategory = visual.roles.category.map((fieldId) => ({ fieldId, direction: 'ASC' as const }));
  switch (visual.kind) {
    case 'line':
    case 'pivot':
    case 'heatmap':
    case 'kpi':
      return byCategory;
    case 'bar':
    case 'pie':
    case 'table':
      if (visual.unaggregated || !firstMeasure || firstCategory?.type === 'date') return byCategory;
      return [{ fieldId: firstMeasure.fieldId, direction: 'DESC' }];
  }
}

/** Whether the visual's item limit counts result rows (else it counts categories, split by colour). */
export function limitCountsRows(visual: VisualModel): boolean {
  return visual.roles.color.length === 0;
}

/** Whether a measure can be recombined from per-group partial results. */
export function needsValuesInGrain(aggregation: Aggregation, finalized: boolean): boolean {
  if (aggregation === 'MEDIAN') return true;
  return aggregation === 'DISTINCT_COUNT' && !finalized;
}
