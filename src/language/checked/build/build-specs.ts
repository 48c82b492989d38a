import type { YamlLocated } from '../../load/located.ts';
import type { AnalysisSpec, DashboardSpec, DataSetSpec, FolderSpec, ProjectSpec, ThemeSpec } from '../../schema/index.ts';
import type { CheckedSpecs } from '../specs.ts';
import { checkedBoard } from './build-board.ts';
import { checkedDataSet } from './build-dataset.ts';

/** The specs that passed the schemas and every rule, by kind in file order. */
export interface AcceptedSpecs {
  readonly project: YamlLocated<ProjectSpec>;
  readonly datasets: readonly YamlLocated<DataSetSpec>[];
  readonly dashboards: readonly YamlLocated<DashboardSpec>[];
  readonly analyses: readonly YamlLocated<AnalysisSpec>[];
  readonly themes: readonly YamlLocated<ThemeSpec>[];
  readonly folders: readonly YamlLocated<FolderSpec>[];
}

/**
 * The checked model of specs the rules accepted: each dataset and board resolved. Throws a GateBug
 * only when a rule is missing (what the rules accepted must resolve).
 */
export function checkedSpecs(accepted: AcceptedSpecs): CheckedSpecs {
  const datasets = accepted.datasets.map(checkedDataSet);
  const byId = new Map(datasets.map((d) => [d.spec.id, d]));
  const asLocated = <T>(located: YamlLocated<T>) => ({
    spec: located.spec,
    file: located.file,
    at: (path: readonly (string | number)[]) => located.at([...path]),
  });
  const themes = accepted.themes.map(asLocated);
  const themesById = new Map(themes.map((t) => [t.spec.id, t]));
  const model = {
    project: accepted.project,
    datasets,
    dashboards: accepted.dashboards.map((board) => checkedBoard(board, byId, themesById)),
    analyses: accepted.analyses.map((board) => checkedBoard(board, byId, themesById)),
    themes,
    folders: accepted.folders.map(asLocated),
  };
  // The one place a CheckedSpecs is made: from specs every rule accepted.
  return model as unknown as CheckedSpecs;
}
