import type { Granularity, NumberFormat } from '../dashboard-model.ts';
import type { Cell } from '../shipped.ts';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A cell as text for people: numbers grouped, date-times cut to their granularity, NULL as an empty mark. */
export function formatCell(value: Cell | undefined, granularity?: Granularity): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return NUMBER.format(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (granularity && /^\d{4}-\d{2}-\d{2}/.test(value)) return formatDate(value, granularity);
  return value;
}

/** A number in a field's format (percent: times 100 with `%`); other cells as `formatCell`. */
export function formatNumber(value: Cell | undefined, format: NumberFormat | undefined): string {
  if (typeof value !== 'number' || !format) return formatCell(value);
  const digits = format.decimals === undefined ? {} : { minimumFractionDigits: format.decimals, maximumFractionDigits: format.decimals };
  if (format.percent) return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2, ...digits }).format(value);
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, ...digits }).format(value);
}

function formatDate(value: string, granularity: Granularity): string {
  switch (granularity) {
    case 'YEAR':
      return value.slice(0, 4);
    case 'QUARTER':
      return `${value.slice(0, 4)} Q${Math.floor((Number(value.slice(5, 7)) - 1) / 3) + 1}`;
    case 'MONTH':
      return value.slice(0, 7);
    case 'WEEK':
    case 'DAY':
      return value.slice(0, 10);
    case 'HOUR':
      return `${value.slice(0, 13)}:00`;
    case 'MINUTE':
      return value.slice(0, 16);
    case 'SECOND':
      return value.slice(0, 19);
    case 'MILLISECOND':
      return value;
  }
}

/** Date-times without a granularity (raw rows): to the second. */
export function formatRaw(value: Cell | undefined, type: 'category' | 'number' | 'date'): string {
  if (type === 'date' && typeof value === 'string') return value.slice(0, 19);
  return formatCell(value);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A `YYYY-MM-DD HH:MM:SS.sss` value in a QuickSight date-time format (YYYY, YY, MMM, MM, DD,
 * HH, mm, ss, SSS; other characters kept). Values that are not date-times are returned as they are.
 */
export function formatDateTime(value: string, format: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?/.exec(value);
  if (!m) return value;
  const parts: Record<string, string> = {
    YYYY: m[1]!,
    YY: m[1]!.slice(2),
    MMM: MONTHS[Number(m[2]) - 1] ?? m[2]!,
    MM: m[2]!,
    DD: m[3]!,
    HH: m[4] ?? '00',
    mm: m[5] ?? '00',
    ss: m[6] ?? '00',
    SSS: (m[7] ?? '000').padEnd(3, '0').slice(0, 3),
  };
  return format.replace(/YYYY|YY|MMM|MM|DD|HH|mm|ss|SSS/g, (token) => parts[token]!);
}

/** A dimension value as the visual shows it: its date-time format, else its granularity, else raw. */
export function formatDimension(
  value: Cell | undefined,
  field: { type: string; granularity?: Granularity; dateFormat?: string; numberFormat?: NumberFormat },
  unaggregated: boolean,
): string {
  if (typeof value === 'string' && field.dateFormat) return formatDateTime(value, field.dateFormat);
  if (field.numberFormat) return formatNumber(value, field.numberFormat);
  if (field.granularity && !unaggregated) return formatCell(value, field.granularity);
  return formatRaw(value, field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : 'category');
}
