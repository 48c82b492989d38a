import type { DefinitionIndex } from '../definition/index-definition.ts';
import { isObject, type DefinitionPath } from '../definition/walk.ts';
import { violation, type DefinitionRule, type Violation } from './rule.ts';

/**
 * A filter group is scoped to sheets that exist and to visuals on those sheets; a selection of
 * visuals names some; a single-data-set group only reaches visuals that show its data set.
 *
 * Evidence: the API model's `SheetVisualScopingConfiguration` (SheetId: "the selected sheet that the
 * filter is applied to"; VisualIds: "the selected visuals that the filter is applied to") and
 * `FilterGroup.CrossDataset` (SINGLE_DATASET: the filters apply to their own data set). The error type
 * QuickSight gives these is not documented (we say PARAMETER_VALUE_INCOMPATIBLE); the wording is ours.
 */
export const filterScopes: DefinitionRule = {
  name: 'filter-scope',
  check({ index }) {
    const sheets = new Map(index.sheets.map((s) => [s.id, new Set(s.visuals.map((v) => v.id))]));
    const shown = visualDataSets(index);
    return index.filterGroups.flatMap((group) => {
      const base = group.path.slice(0, -1);
      const scope = isObject(group.node.ScopeConfiguration) ? group.node.ScopeConfiguration : {};
      const configs = isObject(scope.SelectedSheets) ? scope.SelectedSheets.SheetVisualScopingConfigurations : undefined;
      const filtered = dataSetsUnder(index, base);
      const at = (path: DefinitionPath, message: string) =>
        violation(index, this.name, 'PARAMETER_VALUE_INCOMPATIBLE', path, `Filter group '${group.id}' ${message}`);
      return (Array.isArray(configs) ? configs : []).flatMap((config, i): Violation[] => {
        if (!isObject(config)) return [];
        const path = [...base, 'ScopeConfiguration', 'SelectedSheets', 'SheetVisualScopingConfigurations', i];
        const visuals = sheets.get(String(config.SheetId));
        if (!visuals) return [at([...path, 'SheetId'], `is scoped to sheet '${String(config.SheetId)}', which does not exist.`)];
        const ids = Array.isArray(config.VisualIds) ? config.VisualIds.map(String) : [];
        if (config.Scope === 'SELECTED_VISUALS' && ids.length === 0) return [at(path, `selects visuals on sheet '${String(config.SheetId)}' but names none.`)];
        return ids.flatMap((id, j) => {
          if (!visuals.has(id)) return [at([...path, 'VisualIds', j], `is scoped to visual '${id}', which sheet '${String(config.SheetId)}' does not have.`)];
          const showing = shown.get(id);
          if (group.node.CrossDataset !== 'SINGLE_DATASET' || !showing || [...filtered].some((d) => showing.has(d))) return [];
          return [at([...path, 'VisualIds', j], `filters data set '${[...filtered].join("', '")}', but visual '${id}' shows '${[...showing].join("', '")}'.`)];
        });
      });
    });
  },
};

/** The data set identifiers each visual's columns name. */
function visualDataSets(index: DefinitionIndex): Map<string, Set<string>> {
  const shown = new Map<string, Set<string>>();
  for (const use of index.columns) {
    if (use.visualId && use.dataset) shown.set(use.visualId, (shown.get(use.visualId) ?? new Set()).add(use.dataset));
  }
  return shown;
}

/** The data set identifiers the columns under `base` (a filter group) name. */
function dataSetsUnder(index: DefinitionIndex, base: DefinitionPath): Set<string> {
  const inside = (path: DefinitionPath) => path.length > base.length && base.every((p, i) => path[i] === p);
  return new Set(index.columns.filter((c) => c.dataset && inside(c.path)).map((c) => c.dataset!));
}
