import type { Granularity, VisualModel } from '../dashboard-model.ts';
import type { ResultRow } from './aggregate.ts';
import { formatCell } from './format.ts';

/** A line over more buckets than this keeps only the buckets that have data. */
const MAX_BUCKETS = 2000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The next bucket start after `t` (ms, UTC) at a granularity; none for granularities without a fixed step here. */
const NEXT: Partial<Record<Granularity, (t: number) => number>> = {
  MINUTE: (t) => t + 60_000,
  HOUR: (t) => t + HOUR,
  DAY: (t) => t + DAY,
  WEEK: (t) => t + 7 * DAY,
  MONTH: (t) => {
    const d = new Date(t);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  },
};

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * The x-axis labels of a line over one date-time dimension: every bucket from the first to the last
 * at the dimension's granularity, so a day (or hour) without events is drawn, not skipped. Undefined
 * when the chart is not such a line, when the values do not sit on one grid, or when there would be
 * too many buckets: the caller then labels only the buckets that have data.
 */
export function timeAxisLabels(visual: VisualModel, rows: readonly ResultRow[]): string[] | undefined {
  if (visual.kind !== 'line' || visual.roles.category.length !== 1) return undefined;
  const index = visual.dimensions.findIndex((d) => d.fieldId === visual.roles.category[0]);
  const dimension = visual.dimensions[index];
  const granularity = dimension?.granularity;
  const next = granularity && NEXT[granularity];
  if (dimension?.type !== 'date' || dimension.dateFormat || !next) return undefined;
  const times = rows.map((r) => toTime(r.dims[index])).filter((t): t is number => t !== undefined);
  if (times.length === 0) return undefined;
  const last = Math.max(...times);
  const labels: string[] = [];
  for (let t = Math.min(...times); t <= last; t = next(t)) {
    if (labels.length === MAX_BUCKETS) return undefined;
    labels.push(formatCell(fromTime(t), granularity));
  }
  const grid = new Set(labels);
  const present = rows.map((r) => formatCell(r.dims[index] ?? null, granularity));
  return present.every((label) => grid.has(label)) ? labels : undefined;
}

/** Whether a measure with no row in a bucket is 0 there (counts and sums), rather than unknown. */
export function zeroWhenAbsent(aggregation: string): boolean {
  return aggregation === 'COUNT' || aggregation === 'DISTINCT_COUNT' || aggregation === 'SUM';
}

function toTime(value: unknown): number | undefined {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** `YYYY-MM-DD HH:MM:SS`, the shape the preview's date-time values have. */
function fromTime(t: number): string {
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}
