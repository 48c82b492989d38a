import { readRollingDate } from '../../../quicksight/index.ts';
import { filterKind, isLastPeriod, LAST_PERIODS, presentConditions } from '../../filter-kind.ts';
import type { FilterSpec, SheetSpec } from '../../schema/index.ts';
import type { Bound, CheckedFilter, FilterCondition, FilterScope, TimeBound, TimePrecision } from '../filters.ts';
import { filterGroupId } from '../ids.ts';
import type { BoardScope } from './board-scope.ts';
import { GateBug, must } from './gate-bug.ts';

const NULL_OPTION = { all: 'ALL_VALUES', 'non-null': 'NON_NULLS_ONLY', null: 'NULLS_ONLY' } as const;

/** A filter with its dataset and column resolved, its QuickSight filter decided (filter-kind.ts) and its scope placed. */
export function checkedFilter(scope: BoardScope, spec: FilterSpec): CheckedFilter {
  const [condition, ...more] = presentConditions(spec);
  if (condition === undefined || more.length > 0) throw new GateBug(`filter ${spec.id}: not exactly one condition`);
  const dataset = scope.dataset(spec.dataset);
  const column = scope.column(dataset, spec.column);
  const fit = filterKind(spec, column.type);
  if (!('kind' in fit)) throw new GateBug(`filter ${spec.id}: ${fit.problem}`);
  return {
    id: spec.id,
    groupId: filterGroupId(spec.id),
    dataset: dataset.alias,
    column,
    nullOption: NULL_OPTION[spec.nullOption ?? (condition === 'equals' ? 'all' : 'non-null')],
    scope: filterScope(scope.spec.sheets, spec),
    ...filterCondition(spec, fit.kind, condition),
  };
}

function filterCondition(spec: FilterSpec, kind: CheckedFilter['kind'], condition: ReturnType<typeof presentConditions>[number]): FilterCondition {
  const parameter = spec.equals !== undefined && !Array.isArray(spec.equals) ? spec.equals.parameter : undefined;
  const values = Array.isArray(spec.equals) ? spec.equals : spec.notEquals;
  switch (kind) {
    case 'time-range': {
      const from = spec.timeRange?.from === undefined ? undefined : timeBound(spec.timeRange.from);
      const to = spec.timeRange?.to === undefined ? undefined : timeBound(spec.timeRange.to);
      if (!from && !to) throw new GateBug(`filter ${spec.id}: a time range without a bound`);
      return { kind, ...(from ? { from } : {}), ...(to ? { to } : {}), precision: timePrecision([from, to]) };
    }
    case 'relative-dates': {
      if (!isLastPeriod(condition)) throw new GateBug(`filter ${spec.id}: relative dates from ${condition}`);
      return { kind, amount: must(spec[condition], `filter ${spec.id}: ${condition}`), unit: LAST_PERIODS[condition] };
    }
    case 'time-equality':
    case 'category-parameter':
      return { kind, parameter: must(parameter, `filter ${spec.id}: its parameter`) };
    case 'numeric-range':
      return { kind, ...bounds({ min: spec.between?.min, max: spec.between?.max }) };
    case 'numeric-equality': {
      const value = values?.[0];
      const target = parameter !== undefined ? { parameter } : { value: must(typeof value === 'number' ? value : undefined, `filter ${spec.id}: one number`) };
      return { kind, match: spec.equals !== undefined ? 'EQUALS' : 'DOES_NOT_EQUAL', target };
    }
    case 'category-list':
    case 'category-exclude':
      return { kind, values: must(values, `filter ${spec.id}: its values`).map(String) };
  }
}

/** A range's bounds: each given one, a value or a parameter. */
function bounds<T extends string | number, K extends string>(given: Record<K, T | { parameter: string } | undefined>): Partial<Record<K, Bound<T>>> {
  const found: Partial<Record<K, Bound<T>>> = {};
  for (const key of Object.keys(given) as K[]) {
    const bound = given[key];
    if (bound === undefined) continue;
    found[key] = typeof bound === 'object' ? { parameter: bound.parameter } : { value: bound as T };
  }
  return found;
}

function timeBound(bound: string | { parameter: string } | { rolling: string }): TimeBound {
  if (typeof bound === 'string') return { value: bound };
  return 'parameter' in bound ? { parameter: bound.parameter } : { rolling: bound.rolling };
}

/**
 * The precision a time range compares at: the finest its bounds need — a day for whole days, for
 * parameters (declared at DAY) and for rolling dates naming no part finer than a day; else a minute,
 * a second or a millisecond. Every TimeRangeFilter of the real definitions (test/quicksight/corpus)
 * has a TimeGranularity, DAY or MINUTE.
 */
function timePrecision(bounds: readonly (TimeBound | undefined)[]): TimePrecision {
  const precisions: TimePrecision[] = ['day', 'minute', 'second', 'millisecond'];
  let finest = 0;
  for (const bound of bounds) {
    if (bound === undefined || 'parameter' in bound) continue;
    finest = Math.max(finest, 'value' in bound ? staticNeed(bound.value) : rollingNeed(bound.rolling));
  }
  return precisions[finest]!;
}

function staticNeed(value: string): number {
  const ms = new Date(value).getTime();
  return ms % 86_400_000 === 0 ? 0 : ms % 60_000 === 0 ? 1 : ms % 1000 === 0 ? 2 : 3;
}

function rollingNeed(expression: string): number {
  const read = readRollingDate(expression);
  if ('problem' in read) throw new GateBug(`a rolling date the rules let through: ${read.problem}`);
  return read.finest === 'HH' || read.finest === 'MI' ? 1 : read.finest === 'SS' ? 2 : read.finest === 'MS' ? 3 : 0;
}

/** Every sheet; or the sheets named, in sheet order; or, per sheet in order, the visuals named that it holds. */
function filterScope(sheets: readonly SheetSpec[], spec: FilterSpec): FilterScope {
  const scope = spec.scope;
  if (scope === undefined || scope === 'all') return { allSheets: true };
  const placed =
    'sheets' in scope
      ? sheets.filter((s) => scope.sheets.includes(s.id)).map((s) => ({ sheetId: s.id }))
      : sheets
          .map((s) => ({ sheetId: s.id, visualIds: s.visuals.map((v) => v.id).filter((id) => scope.visuals.includes(id)) }))
          .filter((s) => s.visualIds.length > 0);
  return { sheets: must(placed.length > 0 ? placed : undefined, `filter ${spec.id}: a scope on nothing`) };
}
