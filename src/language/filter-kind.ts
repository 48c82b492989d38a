import type { DataType, FilterSpec } from './schema/index.ts';
import { withArticle } from './words.ts';

/** "The last N periods up to now" conditions, each with its unit: relative dates filters. */
export const LAST_PERIODS = {
  lastMinutes: 'minute',
  lastHours: 'hour',
  lastDays: 'day',
  lastWeeks: 'week',
  lastMonths: 'month',
  lastYears: 'year',
} as const satisfies Readonly<Record<Extract<keyof FilterSpec, `last${string}`>, string>>;
export type LastPeriod = keyof typeof LAST_PERIODS;
export type RelativeUnit = (typeof LAST_PERIODS)[LastPeriod];

/** The conditions a filter can have; a filter has exactly one. */
export const FILTER_CONDITIONS = ['equals', 'notEquals', 'between', 'timeRange', ...(Object.keys(LAST_PERIODS) as LastPeriod[])] as const;
export type FilterCondition = (typeof FILTER_CONDITIONS)[number];

export function isLastPeriod(condition: FilterCondition | undefined): condition is LastPeriod {
  return condition !== undefined && condition in LAST_PERIODS;
}

/**
 * The QuickSight filter a spec filter becomes: category filters for text, numeric equality and range
 * filters for numbers (and booleans, which QuickSight makes integers), time equality, range and
 * relative-date filters for datetimes.
 */
export type FilterKind =
  | 'category-list'
  | 'category-exclude'
  | 'category-parameter'
  | 'numeric-equality'
  | 'numeric-range'
  | 'time-equality'
  | 'time-range'
  | 'relative-dates';

/** Why a condition does not fit its column; `at` says whether the column or the condition is to blame. */
export interface FilterMisfit {
  readonly problem: string;
  readonly at: 'column' | 'condition';
}

export function presentConditions(filter: FilterSpec): FilterCondition[] {
  return FILTER_CONDITIONS.filter((c) => filter[c] !== undefined);
}

/**
 * What a filter with one condition becomes over a column of `type` (`undefined`: a calculated field
 * without a type, which QuickSight treats as a number), or why it cannot. The rules and the checked
 * model both ask this, so they cannot disagree about which filters exist.
 */
export function filterKind(filter: FilterSpec, type: DataType | undefined): { kind: FilterKind } | FilterMisfit {
  const [condition] = presentConditions(filter);
  const column = `'${filter.column}'`;
  const is = type === undefined ? 'a calculated field without a type (handled as a number)' : withArticle(type);
  const parameterRef = filter.equals !== undefined && !Array.isArray(filter.equals);
  const wrongColumn = (needs: string): FilterMisfit => ({ problem: `${condition} needs ${needs} column; ${column} is ${is}`, at: 'column' });

  if (condition === 'timeRange' || isLastPeriod(condition)) {
    if (type !== 'datetime') return wrongColumn('a datetime');
    return { kind: condition === 'timeRange' ? 'time-range' : 'relative-dates' };
  }
  if (condition === 'between') {
    if (type !== undefined && type !== 'integer' && type !== 'decimal') return wrongColumn('an integer or decimal');
    return { kind: 'numeric-range' };
  }
  // equals or notEquals
  if (type === 'datetime') {
    if (parameterRef) return { kind: 'time-equality' };
    return { problem: `${column} is a datetime column: use timeRange or lastDays (lastHours, …), or equals a datetime parameter`, at: 'condition' };
  }
  if (type === 'boolean') {
    // QuickSight promotes a boolean to an integer, 1 or 0 (src/quicksight/data-set-columns.ts): its filter is a number's.
    const values = filter.equals ?? filter.notEquals;
    if (parameterRef || (Array.isArray(values) && values.length === 1 && (values[0] === 0 || values[0] === 1))) return { kind: 'numeric-equality' };
    return {
      problem: `${column} is a boolean column, which QuickSight makes an integer (1 true, 0 false): ${condition} takes 1, 0 or a parameter`,
      at: 'condition',
    };
  }
  if (type === undefined || type === 'integer' || type === 'decimal') {
    const values = filter.equals ?? filter.notEquals;
    if (parameterRef || (Array.isArray(values) && values.length === 1 && typeof values[0] === 'number')) return { kind: 'numeric-equality' };
    const what = type === undefined ? is : `${is} column`;
    const retype = type === undefined ? ', or give the calculated field a `type`' : '';
    return { problem: `${column} is ${what}: ${condition} takes one number or a parameter (for a range use between)${retype}`, at: 'condition' };
  }
  if (parameterRef) return { kind: 'category-parameter' };
  return { kind: condition === 'equals' ? 'category-list' : 'category-exclude' };
}
