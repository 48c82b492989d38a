import type { YamlLocated } from '../../load/located.ts';
import type { AnalysisSpec, DashboardSpec } from '../../schema/index.ts';
import type { CheckedBoard, CheckedDataSet, CheckedTheme } from '../specs.ts';
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
  const filters = (spec.filters ?? []).map((filter) => checkedFilter(scope, filter));
  return {
    spec,
    file: located.file,
    at: (path) => located.at(path),
    datasets: scope.datasets,
    parameters: (spec.parameters ?? []).map(checkedParameter),
    filters,
    sheets: spec.sheets.map((sheet) => ({
      id: sheet.id,
      title: sheet.title,
      ...(sheet.description ? { description: sheet.description } : {}),
      visuals: sheet.visuals.map((visual) => checkedVisual(scope, visual, sheet.id)),
      controls: (sheet.controls ?? []).map((control) => checkedControl(scope, control, sheet.id, filters)),
      layout: sheetLayout(sheet),
    })),
    ...(spec.theme === undefined ? {} : { theme: must(themes.get(spec.theme), `theme '${spec.theme}' of ${spec.kind} ${spec.id}`) }),
  };
}
