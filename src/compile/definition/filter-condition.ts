import type { Filter, FilterNullOption, NumericRangeFilterValue, TimeRangeFilterValue } from '@aws-sdk/client-quicksight';
import type { FilterSpec } from '../../spec/model/index.ts';
import type { BoardContext, DatasetRef, JsonPath } from './context.ts';
import { columnIdentifier } from './fields.ts';

/** What a compiled filter is, for the controls that drive it. */
export type FilterKind = 'category-list' | 'category-exclude' | 'category-parameter' | 'numeric-equality' | 'numeric-range' | 'time-equality' | 'time-range' | 'relative-dates';

const CONDITIONS = ['equals', 'notEquals', 'between', 'timeRange', 'lastDays'] as const;

const NULL_OPTION: Readonly<Record<NonNullable<FilterSpec['nullOption']>, FilterNullOption>> = {
  all: 'ALL_VALUES',
  'non-null': 'NON_NULLS_ONLY',
  null: 'NULLS_ONLY',
};

/**
 * The QuickSight filter for a spec filter, chosen by its condition and its column's type: category
 * filters for text, numeric equality and range filters for numbers, time range, equality and
 * relative-date filters for datetimes.
 */
export function filterCondition(ctx: BoardContext, spec: FilterSpec, dataset: DatasetRef, path: JsonPath): { filter: Filter; kind: FilterKind } | undefined {
  const present = CONDITIONS.filter((c) => spec[c] !== undefined);
  if (present.length !== 1) {
    ctx.report(path, `a filter has exactly one of ${CONDITIONS.join(', ')}${present.length > 1 ? ` (this one has ${present.join(', ')})` : ''}`);
    return undefined;
  }
  const condition = present[0];
  const column = ctx.column(dataset, spec.column, [...path, 'column']);
  if (!column) return undefined;
  const base = { FilterId: spec.id, Column: columnIdentifier(dataset, spec.column) };
  const NullOption = NULL_OPTION[spec.nullOption ?? (condition === 'equals' ? 'all' : 'non-null')];
  const type = column.type;
  const wrong = (what: string) => {
    ctx.report([...path, condition], `${condition} does not apply to ${spec.column} (${type ?? 'untyped'}): ${what}`);
    return undefined;
  };

  if (type === 'datetime') {
    if (spec.timeRange) {
      const { from, to } = spec.timeRange;
      return {
        kind: 'time-range',
        filter: { TimeRangeFilter: { ...base, NullOption, IncludeMinimum: true, IncludeMaximum: true, RangeMinimumValue: timeValue(from), RangeMaximumValue: timeValue(to) } },
      };
    }
    if (spec.lastDays !== undefined) {
      return {
        kind: 'relative-dates',
        filter: {
          RelativeDatesFilter: { ...base, NullOption, AnchorDateConfiguration: { AnchorOption: 'NOW' }, TimeGranularity: 'DAY', RelativeDateType: 'LAST', RelativeDateValue: spec.lastDays },
        },
      };
    }
    if (spec.equals && !Array.isArray(spec.equals)) {
      return { kind: 'time-equality', filter: { TimeEqualityFilter: { ...base, ParameterName: spec.equals.parameter } } };
    }
    return wrong('a datetime column takes timeRange, lastDays or equals a parameter');
  }

  if (type === 'integer' || type === 'decimal' || type === undefined) {
    if (spec.between) {
      const { min, max } = spec.between;
      return {
        kind: 'numeric-range',
        filter: { NumericRangeFilter: { ...base, NullOption, IncludeMinimum: true, IncludeMaximum: true, RangeMinimum: numericValue(min), RangeMaximum: numericValue(max) } },
      };
    }
    const values = spec.equals ?? spec.notEquals;
    const MatchOperator = spec.equals ? 'EQUALS' : 'DOES_NOT_EQUAL';
    if (values && !Array.isArray(values)) {
      return { kind: 'numeric-equality', filter: { NumericEqualityFilter: { ...base, NullOption, MatchOperator, ParameterName: values.parameter } } };
    }
    if (values && values.length === 1 && typeof values[0] === 'number') {
      return { kind: 'numeric-equality', filter: { NumericEqualityFilter: { ...base, NullOption, MatchOperator, Value: values[0] } } };
    }
    return wrong('a numeric column takes between, or equals/notEquals one number or a parameter');
  }

  // string or boolean: category filters
  if (spec.equals && !Array.isArray(spec.equals)) {
    return {
      kind: 'category-parameter',
      filter: { CategoryFilter: { ...base, Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', ParameterName: spec.equals.parameter, NullOption } } } },
    };
  }
  const values = spec.equals ?? spec.notEquals;
  if (values) {
    return {
      kind: spec.equals ? 'category-list' : 'category-exclude',
      filter: {
        CategoryFilter: {
          ...base,
          Configuration: {
            FilterListConfiguration: { MatchOperator: spec.equals ? 'EQUALS' : 'DOES_NOT_EQUAL', CategoryValues: values.map(String), NullOption },
          },
        },
      },
    };
  }
  return wrong(`a ${type} column takes equals or notEquals`);
}

function timeValue(bound: string | { parameter: string } | undefined): TimeRangeFilterValue | undefined {
  if (bound === undefined) return undefined;
  return typeof bound === 'string' ? { StaticValue: new Date(bound) } : { Parameter: bound.parameter };
}

function numericValue(bound: number | { parameter: string } | undefined): NumericRangeFilterValue | undefined {
  if (bound === undefined) return undefined;
  return typeof bound === 'number' ? { StaticValue: bound } : { Parameter: bound.parameter };
}
