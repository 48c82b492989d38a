import type { YamlLocated } from '../../load/located.ts';
import type { AnalysisSpec, DashboardSpec } from '../../schema/index.ts';
import type { CheckedFilter } from '../filters.ts';
import type { CheckedBoard, CheckedDataSet, CheckedSheet, CheckedTheme } from '../specs.ts';
import { BoardScope } from './board-scope.ts';
import { checkedControl } from './build-controls.ts';
import { checkedFilter } from './build-filters.ts';
import { sheetLayout } from './build-layout.ts';
import { checkedParameter } from './build-parameters.ts';
import { checkedVisual } from './build-visuals.ts';
import { must } from './gate-bug.ts';

/** A Dashboard or Analysis the rules accepted, with its datasets, parameters, filters, visuals and controls resolved. */
export function checkedBoard<S extends DashboardSpec | AnalysisSpec>(
  located: YamlLocated<S>,
  datasets: ReadonlyMap<string, CheckedDataSet>,
  themes: ReadonlyMap<string, CheckedTheme>,
): CheckedBoard<S> {
  const spec = located.spec;
  const scope = new BoardScope(spec, datasets);
  const unshared = (spec.filters ?? []).map((filter) => checkedFilter(scope, filter));
  const sheets = spec.sheets.map((sheet) => ({
    id: sheet.id,
    title: sheet.title,
    ...(sheet.description ? { description: sheet.description } : {}),
    visuals: sheet.visuals.map((visual) => checkedVisual(scope, visual, sheet.id)),
    controls: (sheet.controls ?? []).map((control) => checkedControl(scope, control, sheet.id, unshared)),
    layout: sheetLayout(sheet),
  }));
  return {
    spec,
    file: located.file,
    at: (path) => located.at(path),
    datasets: scope.datasets,
    parameters: (spec.parameters ?? []).map(checkedParameter),
    filters: unshared.map((filter) => withSharedControl(filter, sheets)),
    sheets,
    ...(spec.theme === undefined ? {} : { theme: must(themes.get(spec.theme), `theme '${spec.theme}' of ${spec.kind} ${spec.id}`) }),
  };
}

/** A filter on several sheets with controls carries the control they share: the first, in sheet order (the rules made the others the same). */
function withSharedControl(filter: CheckedFilter, sheets: readonly CheckedSheet[]): CheckedFilter {
  const first = sheets.flatMap((s) => s.controls).find((c) => 'filter' in c && c.filter === filter.id && c.crossSheet);
  return first && 'filter' in first ? { ...filter, sharedControl: { title: first.title, widget: first.widget } } : filter;
}
