import type { Bound, FilterModel, Scalar } from '../dashboard-model.ts';
import type { Cell } from '../shipped.ts';

/**
 * What a sheet control has set for a filter it drives: picked values, typed text, a day range, or
 * a relative date range worked out in the page (date-times as `YYYY-MM-DD HH:MM:SS.sss`, `min` included).
 */
export type FilterChoice =
  | { readonly values: readonly Scalar[] }
  | { readonly from?: string; readonly to?: string }
  | { readonly range: { readonly min?: string; readonly max?: string; readonly maxIncluded: boolean } };

/** The page's interactive state: parameter values and filter-control choices. */
export interface PageState {
  readonly parameters: Readonly<Record<string, readonly Scalar[]>>;
  readonly choices: Readonly<Record<string, FilterChoice>>;
}

/**
 * Whether a row value passes an interactive filter, as QuickSight decides it: an unset
 * parameter or an empty choice selects all; nulls follow the filter's NullOption.
 */
export function passes(filter: FilterModel, value: Cell, state: PageState): boolean {
  if (value === null) return filter.nullOption !== 'NON_NULLS_ONLY';
  if (filter.nullOption === 'NULLS_ONLY') return false;
  const choice = state.choices[filter.id];
  const condition = filter.condition;
  if (choice && 'values' in choice) {
    if (choice.values.length === 0) return true;
    if (condition.kind === 'category') return matchCategory(condition.match, String(value), choice.values.map(String));
    return choice.values.map(String).includes(String(value));
  }
  if (choice && 'range' in choice) {
    const { min, max, maxIncluded } = choice.range;
    const v = String(value);
    return (min === undefined || v >= min) && (max === undefined || (maxIncluded ? v <= max : v < max));
  }
  if (choice) return inDayRange(String(value), choice.from, choice.to);
  switch (condition.kind) {
    case 'category': {
      const values = condition.parameter !== undefined ? (state.parameters[condition.parameter] ?? []) : condition.values;
      if (values === undefined || values.length === 0) return true;
      return matchCategory(condition.match, String(value), values.map(String));
    }
    case 'equals': {
      const values = condition.parameter !== undefined ? (state.parameters[condition.parameter] ?? []) : condition.value === undefined ? [] : [condition.value];
      if (values.length === 0) return true;
      const equal = values.some((v) => compare(value, v) === 0);
      return condition.match === 'EQUALS' ? equal : !equal;
    }
    case 'range': {
      const min = boundValue(condition.min, state);
      const max = boundValue(condition.max, state);
      if (min !== undefined && (condition.includeMin ? compare(value, min) < 0 : compare(value, min) <= 0)) return false;
      if (max !== undefined && (condition.includeMax ? compare(value, max) > 0 : compare(value, max) >= 0)) return false;
      return true;
    }
  }
}

function boundValue(bound: Bound | undefined, state: PageState): Scalar | undefined {
  if (!bound) return undefined;
  if ('value' in bound) return bound.value;
  return state.parameters[bound.parameter]?.[0];
}

function matchCategory(match: string, value: string, values: readonly string[]): boolean {
  switch (match) {
    case 'EQUALS':
      return values.includes(value);
    case 'DOES_NOT_EQUAL':
      return !values.includes(value);
    case 'CONTAINS':
      return values.some((v) => value.includes(v));
    case 'DOES_NOT_CONTAIN':
      return !values.some((v) => value.includes(v));
    case 'STARTS_WITH':
      return values.some((v) => value.startsWith(v));
    case 'ENDS_WITH':
      return values.some((v) => value.endsWith(v));
    default:
      return true;
  }
}

/** Days as `YYYY-MM-DD`, both ends included; date-times compare by their day. */
function inDayRange(value: string, from: string | undefined, to: string | undefined): boolean {
  const day = value.slice(0, 10);
  return (!from || day >= from) && (!to || day <= to);
}

/** Numbers as numbers, everything else as text (date-times are text in one sortable form). */
export function compare(a: Cell | Scalar, b: Cell | Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && Number.isFinite(Number(b))) return a - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
