import type { Filter, NumericRangeFilterValue, TimeGranularity, TimeRangeFilterValue } from '@aws-sdk/client-quicksight';
import type { Bound, CheckedFilter, RelativeUnit, TimeBound, TimePrecision } from '../../language/index.ts';
import { columnIdentifier } from './fields.ts';
import { defaultFilterControl } from './filter-control-defaults.ts';

const PRECISION: Readonly<Record<TimePrecision, TimeGranularity>> = { day: 'DAY', minute: 'MINUTE', second: 'SECOND', millisecond: 'MILLISECOND' };

const UNIT: Readonly<Record<RelativeUnit, TimeGranularity>> = { minute: 'MINUTE', hour: 'HOUR', day: 'DAY', week: 'WEEK', month: 'MONTH', year: 'YEAR' };

/**
 * The QuickSight filter of a checked filter, as the gate decided it from its condition and its
 * column's type: category filters for text, numeric equality and range filters for numbers, time
 * range, equality and relative-date filters for datetimes. A filter on several sheets with controls
 * carries the control they share (filter-control-defaults.ts).
 */
export function quicksightFilter(filter: CheckedFilter): Filter {
  const shared = filter.sharedControl && { DefaultFilterControlConfiguration: defaultFilterControl(filter.sharedControl) };
  const base = { FilterId: filter.id, Column: columnIdentifier(filter.dataset, filter.column.name), ...shared };
  const NullOption = filter.nullOption;
  switch (filter.kind) {
    case 'time-range':
      // Each bound with its Include…, as the console writes them (test/quicksight/corpus: a range
      // with a minimum only has no IncludeMaximum).
      return {
        TimeRangeFilter: {
          ...base,
          NullOption,
          ...(filter.from ? { IncludeMinimum: true, RangeMinimumValue: timeValue(filter.from) } : {}),
          ...(filter.to ? { IncludeMaximum: true, RangeMaximumValue: timeValue(filter.to) } : {}),
          TimeGranularity: PRECISION[filter.precision],
        },
      };
    case 'relative-dates':
      // As the console writes "last N periods" (test/quicksight/corpus: all 25 relative dates filters
      // anchored NOW, each with a MinimumGranularity: DAY, under windows of days, months and years).
      // Hours and minutes, which no real one has, keep their own unit as the minimum.
      return {
        RelativeDatesFilter: {
          ...base,
          NullOption,
          AnchorDateConfiguration: { AnchorOption: 'NOW' },
          MinimumGranularity: filter.unit === 'minute' || filter.unit === 'hour' ? UNIT[filter.unit] : 'DAY',
          TimeGranularity: UNIT[filter.unit],
          RelativeDateType: 'LAST',
          RelativeDateValue: filter.amount,
        },
      };
    case 'time-equality':
      return { TimeEqualityFilter: { ...base, ParameterName: filter.parameter } };
    case 'numeric-range':
      return {
        NumericRangeFilter: {
          ...base,
          NullOption,
          IncludeMinimum: true,
          IncludeMaximum: true,
          RangeMinimum: numericValue(filter.min),
          RangeMaximum: numericValue(filter.max),
        },
      };
    case 'numeric-equality': {
      const target = 'parameter' in filter.target ? { ParameterName: filter.target.parameter } : { Value: filter.target.value };
      return { NumericEqualityFilter: { ...base, NullOption, MatchOperator: filter.match, ...target } };
    }
    case 'category-parameter':
      return {
        CategoryFilter: { ...base, Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', ParameterName: filter.parameter, NullOption } } },
      };
    case 'category-list':
    case 'category-exclude': {
      const MatchOperator = filter.kind === 'category-list' ? 'EQUALS' : 'DOES_NOT_EQUAL';
      return { CategoryFilter: { ...base, Configuration: { FilterListConfiguration: { MatchOperator, CategoryValues: [...filter.values], NullOption } } } };
    }
  }
}

function timeValue(bound: TimeBound): TimeRangeFilterValue {
  if ('value' in bound) return { StaticValue: new Date(bound.value) };
  return 'parameter' in bound ? { Parameter: bound.parameter } : { RollingDate: { Expression: bound.rolling } };
}

function numericValue(bound: Bound<number> | undefined): NumericRangeFilterValue | undefined {
  if (bound === undefined) return undefined;
  return 'value' in bound ? { StaticValue: bound.value } : { Parameter: bound.parameter };
}
