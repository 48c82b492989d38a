import type { OutputColumn } from '../dataset-columns.ts';
import type { FilterKind, RelativeUnit } from '../filter-kind.ts';
import type { FilterWidget } from './controls.ts';

/** A bound of a range: a value, or a parameter's value. */
export type Bound<T> = { readonly value: T } | { readonly parameter: string };

/** A bound of a time range: an ISO 8601 date-time, a parameter's value, or a rolling date (QuickSight's expression, worked out when the dashboard is opened). */
export type TimeBound = Bound<string> | { readonly rolling: string };

/** The precision a time range compares at: the finest its bounds need. */
export type TimePrecision = 'day' | 'minute' | 'second' | 'millisecond';

/** The QuickSight filter a spec filter becomes (filter-kind.ts decides which), with what it needs. */
export type FilterCondition =
  | { readonly kind: 'category-list' | 'category-exclude'; readonly values: readonly string[] }
  | { readonly kind: 'category-parameter'; readonly parameter: string }
  | { readonly kind: 'numeric-equality'; readonly match: 'EQUALS' | 'DOES_NOT_EQUAL'; readonly target: Bound<number> }
  | { readonly kind: 'numeric-range'; readonly min?: Bound<number>; readonly max?: Bound<number> }
  | { readonly kind: 'time-equality'; readonly parameter: string }
  /** At least one bound (the schema wants one). */
  | { readonly kind: 'time-range'; readonly from?: TimeBound; readonly to?: TimeBound; readonly precision: TimePrecision }
  /** The last `amount` periods of `unit` up to now, the current one included. */
  | { readonly kind: 'relative-dates'; readonly amount: number; readonly unit: RelativeUnit };

/** Where a filter applies: every sheet, or these sheets (all their visuals, or the ones listed), in sheet order. */
export type FilterScope = { readonly allSheets: true } | { readonly sheets: readonly { readonly sheetId: string; readonly visualIds?: readonly string[] }[] };

/** A spec filter with its dataset and column resolved, its QuickSight filter decided and its scope placed. */
export type CheckedFilter = FilterCondition & {
  readonly id: string;
  /** The QuickSight filter group holding it. */
  readonly groupId: string;
  /** The dataset alias. */
  readonly dataset: string;
  readonly column: OutputColumn;
  readonly nullOption: 'ALL_VALUES' | 'NON_NULLS_ONLY' | 'NULLS_ONLY';
  readonly scope: FilterScope;
  /**
   * A filter that applies to several sheets and has controls: the one control they are, shown on
   * each of those sheets as a cross-sheet control (its title and widget: the first control's; the
   * rules made the others the same).
   */
  readonly sharedControl?: { readonly title: string; readonly widget: FilterWidget };
};

export type { FilterKind, RelativeUnit };
