import type { RelativeDatesFilter } from '@aws-sdk/client-quicksight';
import { type Expr, parseExpression } from '../../quicksight/expression/parse-expression.ts';
import { DATE_PARTS } from '../../quicksight/expression/rolling-date.ts';

/**
 * Dates relative to now, as QuickSight works them out when a dashboard is opened: a time range
 * filter's rolling dates (`addDateTime(-7, 'DD', truncDate('DD', now()))`) and relative dates
 * filters (previous, this, last, next N periods, up to now). The preview takes "now" as the
 * moment it renders, in UTC (QuickSight's default time zone), weeks starting on Sunday (its default).
 */

/** A date-time unit as QuickSight's date functions name it (truncDate, addDateTime), or a filter's TimeGranularity. */
type Unit = 'YEAR' | 'QUARTER' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND';

/** QuickSight's date parts (YYYY, DD…, as its date functions name them) and the TimeGranularity names of filters. */
const UNITS: Readonly<Record<string, Unit>> = { ...DATE_PARTS, ...Object.fromEntries(Object.values(DATE_PARTS).map((unit) => [unit, unit])) };

function unitOf(text: string): Unit {
  const unit = UNITS[text.toUpperCase()];
  if (!unit) throw new Error(`the date unit '${text}' is not one of QuickSight's`);
  return unit;
}

/** The start of the period holding `date` (UTC; weeks from Sunday). */
export function truncate(unit: Unit, date: Date): Date {
  const d = new Date(date.getTime());
  switch (unit) {
    case 'YEAR':
      return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
    case 'QUARTER':
      return new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
    case 'MONTH':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    case 'WEEK':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - d.getUTCDay()));
    case 'DAY':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    case 'HOUR':
      return new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
    case 'MINUTE':
      return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
    case 'SECOND':
      return new Date(Math.floor(d.getTime() / 1000) * 1000);
    case 'MILLISECOND':
      return d;
  }
}

/** `date` moved by `amount` periods (months and years keep the day of the month where it exists, as date arithmetic does). */
export function add(unit: Unit, amount: number, date: Date): Date {
  const d = new Date(date.getTime());
  const fixed: Partial<Record<Unit, number>> = { WEEK: 604_800_000, DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, MILLISECOND: 1 };
  const ms = fixed[unit];
  if (ms !== undefined) return new Date(d.getTime() + amount * ms);
  const months = unit === 'YEAR' ? 12 * amount : unit === 'QUARTER' ? 3 * amount : amount;
  const target = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target;
}

export interface DateContext {
  readonly now: Date;
  /** Date-time parameters' current values, by name. */
  readonly parameters: ReadonlyMap<string, Date>;
}

/**
 * A rolling date's expression, evaluated: now(), truncDate(unit, d), addDateTime(n, unit, d),
 * a date-time parameter `${name}`, a date text. Throws, saying what, for anything else
 * (a column, an aggregate over the dataset): the caller names the filter it could not apply.
 */
export function evaluateRollingDate(text: string, context: DateContext): Date {
  const evaluate = (e: Expr): Date | number | string => {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'neg': {
        const v = evaluate(e.e);
        if (typeof v !== 'number') throw new Error('a minus before something not a number');
        return -v;
      }
      case 'param': {
        const value = context.parameters.get(e.name);
        if (!value) throw new Error(`the date-time parameter ${e.name} has no value`);
        return value;
      }
      case 'call': {
        const fn = e.fn.toLowerCase();
        if (!['now', 'truncdate', 'adddatetime', 'parsedate'].includes(fn)) throw new Error(`the function ${e.fn}`);
        const args = e.args.map(evaluate);
        if (fn === 'now' && args.length === 0) return context.now;
        if (fn === 'truncdate' && args.length === 2) return truncate(unitOf(String(args[0])), asDate(args[1]!));
        if (fn === 'adddatetime' && args.length === 3 && typeof args[0] === 'number') return add(unitOf(String(args[1])), args[0], asDate(args[2]!));
        if (fn === 'parsedate' && args.length >= 1) return asDate(args[0]!);
        throw new Error(`the function ${e.fn} with ${args.length} argument${args.length === 1 ? '' : 's'}`);
      }
      case 'col':
        throw new Error(`the dataset's values (${e.name})`);
      default:
        throw new Error('this kind of expression');
    }
  };
  const value = evaluate(parseExpression(text));
  return asDate(value);
}

function asDate(value: Date | number | string): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const parsed = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  throw new Error(`'${String(value)}' is not a date`);
}

/** A relative dates filter's range: from `min` (included) to `max` (excluded, or included when `maxIncluded`). */
export interface DateRange {
  readonly min?: Date;
  readonly max?: Date;
  readonly maxIncluded: boolean;
}

/**
 * A relative dates filter's range, after QuickSight's user guide ("Adding date filters", relative):
 * PREVIOUS N periods before this one; THIS period whole (the future in it included); NOW: this period
 * up to now; LAST N periods up to now, this one included; NEXT N periods from this one. The anchor
 * is now, or a date-time parameter's value; an enabled ExcludePeriodConfiguration ends the range
 * before the last `Amount` periods of its granularity.
 */
export function relativeRange(filter: RelativeDatesFilter, context: DateContext): DateRange {
  const unit = unitOf(filter.TimeGranularity ?? 'DAY');
  const n = filter.RelativeDateValue ?? 1;
  const anchorName = filter.AnchorDateConfiguration?.ParameterName;
  const anchor = anchorName ? context.parameters.get(anchorName) : context.now;
  if (!anchor) throw new Error(`its anchor, the date-time parameter ${anchorName}, has no value`);
  const start = truncate(unit, anchor);
  let range: DateRange;
  switch (filter.RelativeDateType) {
    case 'PREVIOUS':
      range = { min: add(unit, -n, start), max: start, maxIncluded: false };
      break;
    case 'THIS':
      range = { min: start, max: add(unit, 1, start), maxIncluded: false };
      break;
    case 'NOW':
      range = { min: start, max: anchor, maxIncluded: true };
      break;
    case 'LAST':
      range = { min: add(unit, -(n - 1), start), max: anchor, maxIncluded: true };
      break;
    case 'NEXT':
      range = { min: start, max: add(unit, n, start), maxIncluded: false };
      break;
    default:
      throw new Error(`the relative date type ${filter.RelativeDateType}`);
  }
  const exclude = filter.ExcludePeriodConfiguration;
  if (exclude?.Status === 'ENABLED' && exclude.Amount) {
    const excludeUnit = unitOf(exclude.Granularity ?? filter.TimeGranularity ?? 'DAY');
    const end = add(excludeUnit, -(exclude.Amount - 1), truncate(excludeUnit, anchor));
    if (!range.max || end < range.max) range = { ...range, max: end, maxIncluded: false };
  }
  return range;
}

/** A date-time as the pages compare them: `YYYY-MM-DD HH:MM:SS.sss` (UTC), the form Athena prints. */
export function dateText(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A range widened to whole days (the page compares its date filters' values by the day). */
export function toWholeDays(range: DateRange): DateRange {
  const min = range.min ? truncate('DAY', range.min) : undefined;
  const max =
    range.max && !range.maxIncluded && truncate('DAY', range.max).getTime() !== range.max.getTime() ? add('DAY', 1, truncate('DAY', range.max)) : range.max;
  return { ...(min ? { min } : {}), ...(max ? { max } : {}), maxIncluded: range.maxIncluded };
}

/** Granularities finer than the day. */
export const SUB_DAY: ReadonlySet<string> = new Set(['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND']);
