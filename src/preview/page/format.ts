import type { Granularity } from '../model.ts';
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
