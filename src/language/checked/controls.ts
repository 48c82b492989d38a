/** A column of a dataset, by the dataset's alias. */
export interface ColumnRef {
  readonly dataset: string;
  readonly column: string;
}

/** A slider's range and step. */
export interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** The widget a control on a parameter is, with what it needs. */
export type ParameterWidget =
  | { readonly type: 'dropdown'; readonly multiValue: boolean; readonly values?: { readonly list: readonly string[] } | { readonly column: ColumnRef } }
  | { readonly type: 'text' }
  | { readonly type: 'date' }
  | ({ readonly type: 'slider' } & SliderRange);

/**
 * The widget a control on a filter is: a dropdown or text box over a category list, a date range
 * picker over a time range, a relative-date control over a last period (`lastDays`, `lastHours`, …),
 * a date picker (one end of a time range), a slider over a numeric range.
 */
export type FilterWidget =
  | { readonly type: 'dropdown'; readonly values?: readonly string[] }
  | { readonly type: 'text' }
  | { readonly type: 'date-range' }
  | { readonly type: 'relative-dates' }
  | { readonly type: 'date' }
  | ({ readonly type: 'slider' } & SliderRange);

/**
 * A control with its QuickSight id, bound to a declared parameter or to a filter it can drive. A
 * control on a filter that applies to several sheets is `crossSheet`: the filter holds its title and
 * widget (CheckedFilter.sharedControl), the sheet only shows it.
 */
export type CheckedControl = { readonly id: string; readonly title: string } & (
  | { readonly parameter: string; readonly widget: ParameterWidget }
  | { readonly filter: string; readonly widget: FilterWidget; readonly crossSheet: boolean }
);
