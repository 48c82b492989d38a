import type { Filter, FilterNullOption, NumericRangeFilterValue, TimeRangeFilterValue } from '@aws-sdk/client-quicksight';
import { FILTER_CONDITIONS, filterKind, presentConditions, type FilterKind } from '../../language/filter-kind.ts';
import type { FilterSpec } from '../../language/schema/index.ts';
import type { BoardContext, DatasetRef, JsonPath } from './context.ts';
import { columnIdentifier } from './fields.ts';

/** What a compiled filter is, for the controls that drive it (decided in src/language/filter-kind.ts, shared with lint). */
export type { FilterKind };

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
  const present = presentConditions(spec);
  if (present.length !== 1) {
    ctx.report(path, `a filter has exactly one of ${FILTER_CONDITIONS.join(', ')}${present.length > 1 ? ` (this one has ${present.join(', ')})` : ''}`);
    return undefined;
  }
  const condition = present[0];
  const column = ctx.column(dataset, spec.column, [...path, 'column']);
  if (!column) return undefined;
  const fit = filterKind(spec, column.type);
  if (!('kind' in fit)) {
    ctx.report([...path, condition], `${condition} does not apply to ${spec.column} (${column.type ?? 'untyped'}): ${fit.problem}`);
    return undefined;
  }
  const base = { FilterId: spec.id, Column: columnIdentifier(dataset, spec.column) };
  const NullOption = NULL_OPTION[spec.nullOption ?? (condition === 'equals' ? 'all' : 'non-null')];
  const parameter = spec.equals !== undefined && !Array.isArray(spec.equals) ? spec.equals.parameter : undefined;
  const values = (spec.equals ?? spec.notEquals) as (string | number)[] | { parameter: string };
  const MatchOperator = spec.equals ? 'EQUALS' : 'DOES_NOT_EQUAL';
  const kind = fit.kind;
  switch (kind) {
    case 'time-range': {
      const { from, to } = spec.timeRange!;
      return {
        kind,
        filter: { TimeRangeFilter: { ...base, NullOption, IncludeMinimum: true, IncludeMaximum: true, RangeMinimumValue: timeValue(from), RangeMaximumValue: timeValue(to) } },
      };
    }
    case 'relative-dates':
      return {
        kind,
        filter: {
          RelativeDatesFilter: { ...base, NullOption, AnchorDateConfiguration: { AnchorOption: 'NOW' }, TimeGranularity: 'DAY', RelativeDateType: 'LAST', RelativeDateValue: spec.lastDays },
        },
      };
    case 'time-equality':
      return { kind, filter: { TimeEqualityFilter: { ...base, ParameterName: parameter } } };
    case 'numeric-range': {
      const { min, max } = spec.between!;
      return {
        kind,
        filter: { NumericRangeFilter: { ...base, NullOption, IncludeMinimum: true, IncludeMaximum: true, RangeMinimum: numericValue(min), RangeMaximum: numericValue(max) } },
      };
    }
    case 'numeric-equality':
      return {
        kind,
        filter: { NumericEqualityFilter: { ...base, NullOption, MatchOperator, ...(parameter ? { ParameterName: parameter } : { Value: (values as number[])[0] }) } },
      };
    case 'category-parameter':
      return {
        kind,
        filter: { CategoryFilter: { ...base, Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', ParameterName: parameter, NullOption } } } },
      };
    case 'category-list':
    case 'category-exclude':
      return {
        kind,
        filter: {
          CategoryFilter: {
            ...base,
            Configuration: { FilterListConfiguration: { MatchOperator, CategoryValues: (values as (string | number)[]).map(String), NullOption } },
          },
        },
      };
  }
}

function timeValue(bound: string | { parameter: string } | undefined): TimeRangeFilterValue | undefined {
  if (bound === undefined) return undefined;
  return typeof bound === 'string' ? { StaticValue: new Date(bound) } : { Parameter: bound.parameter };
}

function numericValue(bound: number | { parameter: string } | undefined): NumericRangeFilterValue | undefined {
  if (bound === undefined) return undefined;
  return typeof bound === 'number' ? { StaticValue: bound } : { Parameter: bound.parameter };
}
