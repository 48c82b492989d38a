import type { FilterGroup, FilterScopeConfiguration } from '@aws-sdk/client-quicksight';
import type { CheckedFilter, FilterScope } from '../../language/index.ts';
import { quicksightFilter } from './filter-condition.ts';

/** One filter group per spec filter, each with its scope: all sheets, some sheets, or some visuals. */
export function filterGroup(filter: CheckedFilter): FilterGroup {
  return {
    FilterGroupId: filter.groupId,
    CrossDataset: 'SINGLE_DATASET',
    Status: 'ENABLED',
    ScopeConfiguration: scopeConfiguration(filter.scope),
    Filters: [quicksightFilter(filter)],
  };
}

/** A scope: every sheet, whole sheets, or selected visuals of sheets. */
export function scopeConfiguration(scope: FilterScope): FilterScopeConfiguration {
  if ('allSheets' in scope) return { AllSheets: {} };
  return {
    SelectedSheets: {
      SheetVisualScopingConfigurations: scope.sheets.map((s) =>
        s.visualIds ? { SheetId: s.sheetId, Scope: 'SELECTED_VISUALS', VisualIds: [...s.visualIds] } : { SheetId: s.sheetId, Scope: 'ALL_VISUALS' },
      ),
    },
  };
}
