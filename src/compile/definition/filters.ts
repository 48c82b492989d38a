import type { FilterGroup, FilterScopeConfiguration, SheetVisualScopingConfiguration } from '@aws-sdk/client-quicksight';
import type { FilterSpec } from '../../language/schema/index.ts';
import type { BoardContext, DatasetRef, JsonPath } from './context.ts';
import { filterCondition, type FilterKind } from './filter-condition.ts';

/** A compiled spec filter, as controls need to know it. */
export interface CompiledFilter {
  readonly spec: FilterSpec;
  readonly kind: FilterKind;
  readonly dataset: DatasetRef;
}

/** The filter group id of a filter: the filter's id and `-group`. */
export function filterGroupId(filterId: string): string {
  return `${filterId}-group`;
}

/** One filter group per spec filter, each with its scope: all sheets, some sheets, or some visuals. */
export function filterGroups(ctx: BoardContext): { groups: FilterGroup[]; filters: Map<string, CompiledFilter> } {
  const groups: FilterGroup[] = [];
  const filters = new Map<string, CompiledFilter>();
  (ctx.spec.filters ?? []).forEach((spec, i) => {
    const path = ['filters', i];
    const dataset = ctx.dataset(spec.dataset, path);
    if (!dataset) return;
    const compiled = filterCondition(ctx, spec, dataset, path);
    const scope = scopeConfiguration(ctx, spec.scope, [...path, 'scope']);
    if (!compiled) return;
    filters.set(spec.id, { spec, kind: compiled.kind, dataset });
    if (!scope) return;
    groups.push({
      FilterGroupId: filterGroupId(spec.id),
      CrossDataset: 'SINGLE_DATASET',
      Status: 'ENABLED',
      ScopeConfiguration: scope,
      Filters: [compiled.filter],
    });
  });
  return { groups, filters };
}

function scopeConfiguration(ctx: BoardContext, scope: FilterSpec['scope'], path: JsonPath): FilterScopeConfiguration | undefined {
  if (scope === undefined || scope === 'all') return { AllSheets: {} };
  const sheets = ctx.spec.sheets;
  if ('sheets' in scope) {
    const known = new Set(sheets.map((s) => s.id));
    scope.sheets.forEach((id, i) => {
      if (!known.has(id)) ctx.report([...path, 'sheets', i], `no sheet "${id}" in this ${ctx.spec.kind.toLowerCase()}`);
    });
    const configs = sheets.filter((s) => scope.sheets.includes(s.id)).map((s): SheetVisualScopingConfiguration => ({ SheetId: s.id, Scope: 'ALL_VISUALS' }));
    return configs.length > 0 ? { SelectedSheets: { SheetVisualScopingConfigurations: configs } } : undefined;
  }
  const sheetOf = new Map(sheets.flatMap((s) => s.visuals.map((v) => [v.id, s.id] as const)));
  scope.visuals.forEach((id, i) => {
    if (!sheetOf.has(id)) ctx.report([...path, 'visuals', i], `no visual "${id}" in this ${ctx.spec.kind.toLowerCase()}`);
  });
  const configs = sheets
    .map((s): SheetVisualScopingConfiguration => ({
      SheetId: s.id,
      Scope: 'SELECTED_VISUALS',
      VisualIds: s.visuals.map((v) => v.id).filter((id) => scope.visuals.includes(id)),
    }))
    .filter((c) => c.VisualIds!.length > 0);
  return configs.length > 0 ? { SelectedSheets: { SheetVisualScopingConfigurations: configs } } : undefined;
}
