import type { Aggregation, NumberFormat } from '../schema/index.ts';

export type Granularity = 'minute' | 'hour' | 'day' | 'week' | 'month';

/** A field of a visual: its QuickSight field id (`<visual>.<role>.<n>`), its column and label. */
interface FieldBase {
  readonly fieldId: string;
  readonly column: string;
  readonly label?: string;
}

/** How a numeric measure or row is shown: as a number or a percentage, with `decimals` places. */
export interface NumberDisplay {
  readonly style: NumberFormat;
  readonly decimals?: number;
}

/** A grouping field, by its column's type: a date (at a granularity), a number, or a category. */
export type Dimension = FieldBase &
  ({ readonly kind: 'date'; readonly granularity?: Granularity } | { readonly kind: 'numerical' } | { readonly kind: 'categorical' });

/**
 * An aggregated field, by its column's type: numbers take any aggregation (or none, for a calculated
 * field that aggregates itself); datetimes count, min or max; text counts.
 */
export type Measure = FieldBase &
  (
    | { readonly kind: 'numerical'; readonly aggregation?: Aggregation; readonly display?: NumberDisplay }
    | { readonly kind: 'date'; readonly aggregation: 'count' | 'distinct_count' | 'min' | 'max' }
    | { readonly kind: 'categorical'; readonly aggregation: 'count' | 'distinct_count' }
  );

/** A field of a table that lists rows: a datetime shown at a granularity, or a number shown as `display`. */
export type Row = FieldBase & { readonly granularity?: Granularity; readonly display?: NumberDisplay };

/** The aggregation a sort or a top-N ranks a column by, typed by the column's type as QuickSight wants it. */
export type RankAggregation =
  | { readonly over: 'number'; readonly aggregation: Aggregation }
  | { readonly over: 'date'; readonly aggregation: 'count' | 'distinct_count' | 'min' | 'max' }
  | { readonly over: 'text'; readonly aggregation: 'count' | 'distinct_count' };

/** A sort key: a field of the visual, or a column (with an aggregation) that the visual does not show. */
export type SortKey = { readonly direction: 'ASC' | 'DESC' } & (
  | { readonly fieldId: string }
  | { readonly column: string; readonly aggregation?: RankAggregation }
);
