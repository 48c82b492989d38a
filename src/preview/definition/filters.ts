import type { Filter, FilterGroup } from '@aws-sdk/client-quicksight';
import type { Bound, CategoryMatch, FilterModel, FilterScope, NullOption, Scalar } from '../dashboard-model.ts';
import { columnRef } from './fields.ts';
import { type DateContext, type DateRange, evaluateRollingDate, relativeRange, SUB_DAY, toWholeDays } from './rolling-dates.ts';

export interface FilterProblem {
  readonly filterId: string;
  readonly message: string;
}

/**
 * Reads the enabled filter groups. `controlledFilterIds` are the filters a sheet control sets;
 * those and the ones bound to a parameter are evaluated in the page, the others in the SQL.
 */
export function readFilters(
  groups: readonly FilterGroup[],
  controlledFilterIds: ReadonlySet<string>,
  dates: DateContext,
): { filters: FilterModel[]; topBottom: TopBottomFilter[]; problems: FilterProblem[] } {
  const filters: FilterModel[] = [];
  const topBottom: TopBottomFilter[] = [];
  const problems: FilterProblem[] = [];
  for (const group of groups) {
    if (group.Status === 'DISABLED') continue;
    const scope = readScope(group);
    const crossDataset = group.CrossDataset === 'ALL_DATASETS';
    for (const filter of group.Filters ?? []) {
      const top = filter.TopBottomFilter;
      if (top?.Limit !== undefined && !top.ParameterName && top.Column?.ColumnName) {
        topBottom.push({ id: top.FilterId!, ...columnRef(top.Column), limit: top.Limit, scope });
        continue;
      }
      const read = readFilter(filter, dates, controlledFilterIds);
      if ('problem' in read) {
        problems.push({ filterId: read.id, message: read.problem });
        continue;
      }
      const interactive = controlledFilterIds.has(read.id) || usesParameter(read.condition);
      filters.push({ ...read, scope, crossDataset, interactive });
      const granularity = filter.RelativeDatesFilter?.TimeGranularity;
      if (interactive && granularity && SUB_DAY.has(granularity)) {
        problems.push({ filterId: read.id, message: `set by a control, its relative dates (${granularity}) are applied in the page to whole days` });
      }
    }
  }
  return { filters, topBottom, problems };
}

/** "Top N values of a column": the preview applies it as the item limit of visuals grouped by that column. */
export interface TopBottomFilter {
  readonly id: string;
  readonly dataset: string;
  readonly column: string;
  readonly limit: number;
  readonly scope: FilterScope;
}

type ReadFilter = Omit<FilterModel, 'scope' | 'crossDataset' | 'interactive'> | { id: string; problem: string };

function readFilter(filter: Filter, dates: DateContext, controlledFilterIds: ReadonlySet<string>): ReadFilter {
  const category = filter.CategoryFilter;
  if (category) {
    const config = category.Configuration ?? {};
    const list = config.FilterListConfiguration ?? config.CustomFilterListConfiguration;
    const custom = config.CustomFilterConfiguration;
    const base = { id: category.FilterId!, ...columnRef(category.Column), columnType: 'category' as const };
    if (list) {
      const values = list.SelectAllOptions === 'FILTER_ALL_VALUES' ? undefined : list.CategoryValues;
      return {
        ...base,
        condition: { kind: 'category', match: (list.MatchOperator ?? 'EQUALS') as CategoryMatch, ...(values ? { values } : {}) },
        nullOption: nullOption(list.NullOption, 'ALL_VALUES'),
      };
    }
    if (custom) {
      const condition = custom.ParameterName
        ? { kind: 'category' as const, match: (custom.MatchOperator ?? 'EQUALS') as CategoryMatch, parameter: custom.ParameterName }
        : {
            kind: 'category' as const,
            match: (custom.MatchOperator ?? 'EQUALS') as CategoryMatch,
            ...(custom.CategoryValue === undefined ? {} : { values: [custom.CategoryValue] }),
          };
      return { ...base, condition, nullOption: nullOption(custom.NullOption, 'ALL_VALUES') };
    }
    return { id: category.FilterId!, problem: 'a category filter without a configuration' };
  }
  const range = filter.NumericRangeFilter;
  if (range) {
    return {
      id: range.FilterId!,
      ...columnRef(range.Column),
      columnType: 'number',
      condition: {
        kind: 'range',
        ...bound('min', range.RangeMinimum?.StaticValue, range.RangeMinimum?.Parameter),
        ...bound('max', range.RangeMaximum?.StaticValue, range.RangeMaximum?.Parameter),
        includeMin: range.IncludeMinimum ?? true,
        includeMax: range.IncludeMaximum ?? true,
      },
      nullOption: nullOption(range.NullOption, 'NON_NULLS_ONLY'),
    };
  }
  const equality = filter.NumericEqualityFilter;
  if (equality) {
    return {
      id: equality.FilterId!,
      ...columnRef(equality.Column),
      columnType: 'number',
      condition: {
        kind: 'equals',
        match: equality.MatchOperator === 'DOES_NOT_EQUAL' ? 'DOES_NOT_EQUAL' : 'EQUALS',
        ...(equality.Value === undefined ? {} : { value: equality.Value }),
        ...(equality.ParameterName ? { parameter: equality.ParameterName } : {}),
      },
      nullOption: nullOption(equality.NullOption, 'NON_NULLS_ONLY'),
    };
  }
  const time = filter.TimeRangeFilter;
  if (time) {
    // A rolling date (an expression over now()) is worked out as of now: a fixed bound of this render.
    let min: Date | undefined;
    let max: Date | undefined;
    try {
      min =
        time.RangeMinimumValue?.RollingDate?.Expression === undefined
          ? time.RangeMinimumValue?.StaticValue
          : evaluateRollingDate(time.RangeMinimumValue.RollingDate.Expression, dates);
      max =
        time.RangeMaximumValue?.RollingDate?.Expression === undefined
          ? time.RangeMaximumValue?.StaticValue
          : evaluateRollingDate(time.RangeMaximumValue.RollingDate.Expression, dates);
    } catch (error) {
      return { id: time.FilterId!, problem: `the preview cannot work out its rolling date: ${(error as Error).message}` };
    }
    return {
      id: time.FilterId!,
      ...columnRef(time.Column),
      columnType: 'date',
      condition: {
        kind: 'range',
        ...bound('min', dateValue(min), time.RangeMinimumValue?.Parameter),
        ...bound('max', dateValue(max), time.RangeMaximumValue?.Parameter),
        includeMin: time.IncludeMinimum ?? true,
        includeMax: time.IncludeMaximum ?? true,
      },
      nullOption: nullOption(time.NullOption, 'NON_NULLS_ONLY'),
    };
  }
  const relative = filter.RelativeDatesFilter;
  if (relative) {
    let range: DateRange;
    try {
      range = relativeRange(relative, dates);
      // Set by a control, it is applied in the page, which compares each row's day (query/visual-query.ts).
      if (controlledFilterIds.has(relative.FilterId!) && SUB_DAY.has(relative.TimeGranularity ?? '')) range = toWholeDays(range);
    } catch (error) {
      return { id: relative.FilterId!, problem: `the preview cannot work out its relative dates: ${(error as Error).message}` };
    }
    return {
      id: relative.FilterId!,
      ...columnRef(relative.Column),
      columnType: 'date',
      condition: {
        kind: 'range',
        ...bound('min', dateValue(range.min), undefined),
        ...bound('max', dateValue(range.max), undefined),
        includeMin: true,
        includeMax: range.maxIncluded,
      },
      nullOption: nullOption(relative.NullOption, 'NON_NULLS_ONLY'),
    };
  }
  const [kind, body] = Object.entries(filter).find(([, value]) => value !== undefined) ?? ['unknown', {}];
  return { id: (body as { FilterId?: string })?.FilterId ?? 'unknown', problem: `the preview cannot apply ${kind} filters` };
}

function bound(side: 'min' | 'max', value: Scalar | undefined, parameter: string | undefined): { min?: Bound } | { max?: Bound } {
  if (parameter) return { [side]: { parameter } };
  if (value !== undefined) return { [side]: { value } };
  return {};
}

/** A static date as `YYYY-MM-DD HH:MM:SS.sss`, the form Athena prints and the page compares. */
function dateValue(value: Date | undefined): string | undefined {
  return value === undefined ? undefined : value.toISOString().replace('T', ' ').replace('Z', '');
}

function nullOption(option: string | undefined, fallback: NullOption): NullOption {
  return option === 'ALL_VALUES' || option === 'NULLS_ONLY' || option === 'NON_NULLS_ONLY' ? option : fallback;
}

function readScope(group: FilterGroup): FilterScope {
  const config = group.ScopeConfiguration;
  if (!config || config.AllSheets) return { all: true };
  const sheets = (config.SelectedSheets?.SheetVisualScopingConfigurations ?? []).map((sheet) => ({
    sheetId: sheet.SheetId!,
    ...(sheet.Scope === 'SELECTED_VISUALS' ? { visualIds: sheet.VisualIds ?? [] } : {}),
  }));
  return { all: false, sheets };
}

function usesParameter(condition: FilterModel['condition']): boolean {
  switch (condition.kind) {
    case 'category':
    case 'equals':
      return condition.parameter !== undefined;
    case 'range':
      return [condition.min, condition.max].some((b) => b !== undefined && 'parameter' in b);
  }
}

/** Whether the filter applies to a visual on a sheet over a dataset with these columns. */
export function filterApplies(
  filter: Pick<FilterModel, 'scope' | 'dataset' | 'column' | 'crossDataset'>,
  visual: { id: string; sheetId: string; dataset: string },
  datasetColumns: ReadonlySet<string>,
): boolean {
  const inScope =
    filter.scope.all || filter.scope.sheets.some((s) => s.sheetId === visual.sheetId && (s.visualIds === undefined || s.visualIds.includes(visual.id)));
  if (!inScope) return false;
  if (filter.dataset === visual.dataset) return true;
  return filter.crossDataset && datasetColumns.has(filter.column);
}
