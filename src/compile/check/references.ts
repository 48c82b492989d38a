import type { DefinitionIndex } from './definition-index.ts';
import type { DefinitionProblem } from './problem.ts';
import { isObject, pathText, type JsonObject } from './walk.ts';

/** The sheets a filter group applies to: `all` or a set of sheet ids. */
function groupSheets(group: JsonObject): 'all' | Set<string> {
  const scope = isObject(group.ScopeConfiguration) ? group.ScopeConfiguration : {};
  if (isObject(scope.AllSheets)) return 'all';
  const selected = isObject(scope.SelectedSheets) ? scope.SelectedSheets.SheetVisualScopingConfigurations : undefined;
  return new Set((Array.isArray(selected) ? selected : []).flatMap((c) => (isObject(c) && typeof c.SheetId === 'string' ? [c.SheetId] : [])));
}

/**
 * Filter scopes point at existing sheets and at visuals on those sheets (visuals that show the
 * filter's dataset, for single-dataset groups).
 */
export function checkFilterScopes(index: DefinitionIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const sheets = new Map(index.sheets.map((s) => [s.id, new Set(s.visuals.map((v) => v.id))]));
  const visualDatasets = new Map<string, Set<string>>();
  for (const use of index.columns) {
    if (use.visualId && use.dataset) visualDatasets.set(use.visualId, (visualDatasets.get(use.visualId) ?? new Set()).add(use.dataset));
  }
  index.filterGroups.forEach((group) => {
    const base = group.path.slice(0, -1);
    const scope = isObject(group.node.ScopeConfiguration) ? group.node.ScopeConfiguration : {};
    const configs = isObject(scope.SelectedSheets) ? scope.SelectedSheets.SheetVisualScopingConfigurations : undefined;
    const filterDatasets = new Set(index.columns.filter((c) => c.path.length > base.length && base.every((p, i) => c.path[i] === p) && c.dataset).map((c) => c.dataset!));
    (Array.isArray(configs) ? configs : []).forEach((config, i) => {
      if (!isObject(config)) return;
      const at = [...base, 'ScopeConfiguration', 'SelectedSheets', 'SheetVisualScopingConfigurations', i];
      const visuals = sheets.get(String(config.SheetId));
      if (!visuals) {
        problems.push({ path: pathText([...at, 'SheetId']), rule: 'filter-scope', message: `filter group ${group.id} is scoped to sheet "${config.SheetId}", which does not exist` });
        return;
      }
      const ids = Array.isArray(config.VisualIds) ? config.VisualIds : [];
      if (config.Scope === 'SELECTED_VISUALS' && ids.length === 0) {
        problems.push({ path: pathText(at), rule: 'filter-scope', message: `filter group ${group.id} selects visuals on sheet ${config.SheetId} but names none` });
      }
      ids.forEach((id, j) => {
        const where = pathText([...at, 'VisualIds', j]);
        if (!visuals.has(String(id))) {
          problems.push({ path: where, rule: 'filter-scope', message: `filter group ${group.id} is scoped to visual "${id}", which is not on sheet ${config.SheetId}` });
        } else if (group.node.CrossDataset === 'SINGLE_DATASET' && visualDatasets.has(String(id)) && ![...filterDatasets].some((d) => visualDatasets.get(String(id))!.has(d))) {
          problems.push({ path: where, rule: 'filter-scope', message: `filter group ${group.id} filters ${[...filterDatasets].join(', ')}, but visual ${id} shows ${[...visualDatasets.get(String(id))!].join(', ')}` });
        }
      });
    });
  });
  return problems;
}

/**
 * Controls and filters refer to what exists: a filter control's filter (applying to the control's
 * sheet), a parameter control's or filter's parameter.
 */
export function checkReferences(index: DefinitionIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const filters = new Map(index.filters.map((f) => [f.id, f]));
  const parameters = new Set(index.parameters.map((p) => p.id));
  for (const control of index.controls) {
    const source = control.node.SourceFilterId;
    if (typeof source !== 'string') continue;
    const filter = filters.get(source);
    if (!filter) {
      problems.push({ path: pathText([...control.path.slice(0, -1), 'SourceFilterId']), rule: 'reference', message: `control ${control.id} drives filter "${source}", which does not exist` });
      continue;
    }
    const sheets = groupSheets(filter.group);
    if (sheets !== 'all' && !sheets.has(control.sheetId)) {
      problems.push({ path: pathText([...control.path.slice(0, -1), 'SourceFilterId']), rule: 'reference', message: `control ${control.id} is on sheet ${control.sheetId}, but filter ${source} does not apply there` });
    }
  }
  for (const ref of index.parameterRefs) {
    if (!parameters.has(ref.id)) problems.push({ path: pathText(ref.path), rule: 'reference', message: `parameter "${ref.id}" is not declared` });
  }
  return problems;
}

/** Each sheet's grid layout places each of its visuals once, and only elements of the sheet. */
export function checkLayouts(index: DefinitionIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const sheet of index.sheets) {
    const sheetPath = sheet.path.slice(0, -1);
    const visuals = new Set(sheet.visuals.map((v) => v.id));
    const controls = new Set(index.controls.filter((c) => c.sheetId === sheet.id).map((c) => c.id));
    const layouts = Array.isArray(sheet.node.Layouts) ? sheet.node.Layouts : [];
    const placed = new Set<string>();
    layouts.forEach((layout, l) => {
      const grid = isObject(layout) && isObject(layout.Configuration) ? layout.Configuration.GridLayout : undefined;
      const elements = isObject(grid) && Array.isArray(grid.Elements) ? grid.Elements : [];
      elements.forEach((element, e) => {
        if (!isObject(element)) return;
        const at = pathText([...sheetPath, 'Layouts', l, 'Configuration', 'GridLayout', 'Elements', e]);
        const id = String(element.ElementId);
        const known = element.ElementType === 'VISUAL' ? visuals : element.ElementType === 'FILTER_CONTROL' || element.ElementType === 'PARAMETER_CONTROL' ? controls : undefined;
        if (known && !known.has(id)) problems.push({ path: at, rule: 'layout', message: `layout element "${id}" is not a ${String(element.ElementType).toLowerCase().replace('_', ' ')} of sheet ${sheet.id}` });
        if (placed.has(id)) problems.push({ path: at, rule: 'layout', message: `layout element "${id}" is placed twice` });
        placed.add(id);
      });
    });
    if (layouts.length > 0) {
      for (const visual of sheet.visuals) {
        if (!placed.has(visual.id)) problems.push({ path: pathText(visual.path), rule: 'layout', message: `visual ${visual.id} is not in sheet ${sheet.id}'s layout` });
      }
    }
  }
  return problems;
}
