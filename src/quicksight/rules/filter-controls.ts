import { isObject, type JsonObject } from '../definition/walk.ts';
import { violation, type DefinitionRule, type Violation } from './rule.ts';

/** The sheets a filter group applies to: `all`, or a set of sheet ids. */
function groupSheets(group: JsonObject): 'all' | Set<string> {
  const scope = isObject(group.ScopeConfiguration) ? group.ScopeConfiguration : {};
  if (isObject(scope.AllSheets)) return 'all';
  const selected = isObject(scope.SelectedSheets) ? scope.SelectedSheets.SheetVisualScopingConfigurations : undefined;
  return new Set((Array.isArray(selected) ? selected : []).flatMap((c) => (isObject(c) && typeof c.SheetId === 'string' ? [c.SheetId] : [])));
}

/**
 * A filter control drives a filter some filter group defines, and sits on a sheet that filter applies to.
 *
 * Evidence: the API model's filter controls ("SourceFilterId: the source filter ID of the
 * FilterDropDownControl"); a control on a sheet its filter does not cover: issue 14 (likely refused).
 * The error type is not documented (we say PARAMETER_VALUE_INCOMPATIBLE); the wording is ours.
 */
export const filterControls: DefinitionRule = {
  name: 'filter-control',
  check({ index }) {
    const filters = new Map(index.filters.map((f) => [f.id, f]));
    return index.controls.flatMap((control): Violation[] => {
      if (control.sourceFilterId === undefined) return [];
      const path = [...control.path.slice(0, -1), 'SourceFilterId'];
      const at = (message: string) => violation(index, this.name, 'PARAMETER_VALUE_INCOMPATIBLE', path, `Filter control '${control.id}' ${message}`);
      const filter = filters.get(control.sourceFilterId);
      if (!filter) return [at(`uses filter '${control.sourceFilterId}', which no filter group defines.`)];
      const sheets = groupSheets(filter.group);
      if (sheets === 'all' || sheets.has(control.sheetId)) return [];
      return [at(`is on sheet '${control.sheetId}', but filter '${control.sourceFilterId}' does not apply there.`)];
    });
  },
};
