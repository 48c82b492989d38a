import type { Filter, NumericRangeFilterValue, TimeGranularity, TimeRangeFilterValue } from '@aws-sdk/client-quicksight';
import type { Bound, CheckedFilter } from '../../language/index.ts';
import { columnIdentifier } from './fields.ts';

/**
 * The QuickSight filter of a checked filter, as the gate decided it from its condition and its
 * column's type: category filters for text, numeric equality and range filters for numbers, time
 * range, equality and relative-date filters for datetimes.
 */
export function quicksightFilter(filter: CheckedFilter): Filter {
  const base = { FilterId: filter.id, Column: columnIdentifier(filter.dataset, filter.column.name) };
  const NullOption = filter.nullOption;
  switch (filter.kind) {
    case 'time-range': {
      const TimeGranularity = timeGranularity([filter.from, filter.to]);
      return {
        TimeRangeFilter: {
          ...base,
          NullOption,
          IncludeMinimum: true,
          IncludeMaximum: true,
          RangeMinimumValue: timeValue(filter.from),
          RangeMaximumValue: timeValue(filter.to),
          TimeGranularity,
        },
      };
    }
    case 'relative-dates':
      return {
        RelativeDatesFilter: {
          ...base,
          NullOption,
          AnchorDateConfiguration: { AnchorOption: 'NOW' },
          MinimumGranularity: 'DAY',
          TimeGranularity: 'DAY',
          RelativeDateType: 'LAST',
          RelativeDateValue: filter.days,
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

/**
 * The precision a time range filter compares at: the finest its static bounds need — DAY for whole
 * days (and for parameters, declared at DAY, or no bound), else MINUTE, SECOND or MILLISECOND. Every
 * TimeRangeFilter of the corpus (test/quicksight/corpus) has a TimeGranularity (DAY or MINUTE), every
 * RelativeDatesFilter a MinimumGranularity (DAY).
 */
function timeGranularity(bounds: readonly (Bound<string> | undefined)[]): TimeGranularity {
  const precisions: TimeGranularity[] = ['DAY', 'MINUTE', 'SECOND', 'MILLISECOND'];
  let finest = 0;
  for (const bound of bounds) {
    if (bound === undefined || !('value' in bound)) continue;
    const ms = new Date(bound.value).getTime();
    const need = ms % 86_400_000 === 0 ? 0 : ms % 60_000 === 0 ? 1 : ms % 1000 === 0 ? 2 : 3;
    finest = Math.max(finest, need);
  }
  return precisions[finest]!;
}

function timeValue(bound: Bound<string> | undefined): TimeRangeFilterValue | undefined {
  if (bound === undefined) return undefined;
  return 'value' in bound ? { StaticValue: new Date(bound.value) } : { Parameter: bound.parameter };
}

function numericValue(bound: Bound<number> | undefined): NumericRangeFilterValue | undefined {
  if (bound === undefined) return undefined;
  return 'value' in bound ? { StaticValue: bound.value } : { Parameter: bound.parameter };
}
