/**
 * The preview's own model of a dashboard, read from its QuickSight definition.
 * Plain data: built in Node, shipped to the page as JSON, read by the browser code.
 */

export type VisualKind = 'kpi' | 'bar' | 'line' | 'pie' | 'table' | 'pivot' | 'heatmap';

/** Date granularities as QuickSight names them. */
export type Granularity = 'YEAR' | 'QUARTER' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND';

export type Aggregation = 'SUM' | 'COUNT' | 'DISTINCT_COUNT' | 'AVERAGE' | 'MIN' | 'MAX' | 'MEDIAN' | 'STDEV' | 'STDEVP' | 'VAR' | 'VARP';

export interface ColumnRef {
  /** The DataSetIdentifier of the definition. */
  readonly dataset: string;
  readonly column: string;
}

/** A field's number format (QuickSight's number or percentage display format). */
export interface NumberFormat {
  /** Shown as a percentage: the value times 100, with `%`. */
  readonly percent: boolean;
  readonly decimals?: number;
}

export interface DimensionField extends ColumnRef {
  readonly fieldId: string;
  readonly type: 'category' | 'number' | 'date';
  readonly granularity?: Granularity;
  /** QuickSight date-time format of the field (e.g. `YYYY-MM-DD HH:mm`). */
  readonly dateFormat?: string;
  /** Number format of a raw (unaggregated) numeric column. */
  readonly numberFormat?: NumberFormat;
  readonly label: string;
}

export interface MeasureField extends ColumnRef {
  readonly fieldId: string;
  readonly aggregation: Aggregation;
  readonly label: string;
  readonly numberFormat?: NumberFormat;
  /** An aggregated calculated field: its value is this formula over the leaves' aggregates. */
  readonly calculated?: { readonly formula: CalculatedFormula; readonly leaves: readonly CalculatedLeaf[] };
}

/** One aggregate inside a calculated measure, e.g. `sum({error_count})`. */
export interface CalculatedLeaf {
  readonly aggregation: Aggregation;
  readonly column: string;
}

export type CalculatedFormula =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'leaf'; readonly i: number }
  | { readonly k: 'neg'; readonly e: CalculatedFormula }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly l: CalculatedFormula; readonly r: CalculatedFormula };

export interface SortKey {
  readonly fieldId: string;
  readonly direction: 'ASC' | 'DESC';
}

/** Which fields play which part in the drawing; ids of `dimensions` and `measures`. */
export interface VisualRoles {
  /** Bar/line/pie categories (x axis), heat map and pivot rows, table group-by columns. */
  readonly category: readonly string[];
  /** Bar/line series split, heat map and pivot columns. */
  readonly color: readonly string[];
  readonly values: readonly string[];
}

export interface VisualOptions {
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  /** Stacked to 100%: each category's values as shares of its total (BarsArrangement STACKED_PERCENT). */
  readonly percent?: boolean;
  /** A line chart's Type: lines, areas, or areas stacked. */
  readonly lineType?: 'LINE' | 'AREA' | 'STACKED_AREA';
  /** The value axis: a logarithmic scale (its base) and a fixed range, as the chart configuration sets them. */
  readonly valueAxis?: { readonly logBase?: number; readonly min?: number; readonly max?: number };
  readonly donut?: boolean;
}

export interface GridPlacement {
  readonly col: number;
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

export interface VisualModel {
  readonly id: string;
  readonly sheetId: string;
  readonly kind: VisualKind;
  readonly title?: string;
  readonly subtitle?: string;
  /** The dataset identifier every field of the visual comes from. */
  readonly dataset: string;
  readonly dimensions: readonly DimensionField[];
  readonly measures: readonly MeasureField[];
  readonly roles: VisualRoles;
  readonly sort: readonly SortKey[];
  readonly limit?: number;
  /** A table of rows as they are (no grouping): `dimensions` are its columns. */
  readonly unaggregated: boolean;
  readonly options: VisualOptions;
  /** What of the definition the drawing leaves out (a KPI's trend, a second value), said on the visual. */
  readonly caveats?: readonly string[];
}

/** A visual the preview cannot draw: shown as a box naming its type, with the reason. */
export interface UnsupportedVisual {
  readonly id: string;
  readonly sheetId: string;
  readonly kind: 'unsupported';
  /** QuickSight's visual type, as the definition names it (`ComboChartVisual`). */
  readonly visualType: string;
  /** The type in words, with its key: `Combo chart (ComboChartVisual)`. */
  readonly typeName: string;
  readonly title?: string;
  readonly reason: string;
}

export type AnyVisual = VisualModel | UnsupportedVisual;

export type ParameterType = 'string' | 'integer' | 'decimal' | 'datetime';
export type Scalar = string | number;

export interface ParameterModel {
  readonly name: string;
  readonly type: ParameterType;
  readonly multiValue: boolean;
  /** Initial values; empty means unset (filters using it let everything through). */
  readonly defaults: readonly Scalar[];
}

/** Where a filter group applies. */
export type FilterScope =
  | { readonly all: true }
  | { readonly all: false; readonly sheets: readonly { readonly sheetId: string; readonly visualIds?: readonly string[] }[] };

export type NullOption = 'ALL_VALUES' | 'NULLS_ONLY' | 'NON_NULLS_ONLY';

export type Bound = { readonly value: Scalar } | { readonly parameter: string };

export type FilterCondition =
  | { readonly kind: 'category'; readonly match: CategoryMatch; readonly values?: readonly Scalar[]; readonly parameter?: string }
  | { readonly kind: 'range'; readonly min?: Bound; readonly max?: Bound; readonly includeMin: boolean; readonly includeMax: boolean }
  | { readonly kind: 'equals'; readonly match: 'EQUALS' | 'DOES_NOT_EQUAL'; readonly value?: Scalar; readonly parameter?: string };

export type CategoryMatch = 'EQUALS' | 'DOES_NOT_EQUAL' | 'CONTAINS' | 'DOES_NOT_CONTAIN' | 'STARTS_WITH' | 'ENDS_WITH';

export interface FilterModel extends ColumnRef {
  readonly id: string;
  readonly columnType: 'category' | 'number' | 'date';
  readonly condition: FilterCondition;
  readonly nullOption: NullOption;
  readonly scope: FilterScope;
  /** Applies to every dataset that has a column of the same name. */
  readonly crossDataset: boolean;
  /** Evaluated in the page (bound to a parameter or a control), else in the SQL. */
  readonly interactive: boolean;
}

export type ControlKind = 'dropdown' | 'text' | 'date-range' | 'date' | 'slider' | 'relative-date';

/** A relative dates filter's setting, as its control shows and changes it. */
export interface RelativeDateSetting {
  readonly type: 'PREVIOUS' | 'THIS' | 'LAST' | 'NOW' | 'NEXT';
  readonly granularity: 'YEAR' | 'QUARTER' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND';
  readonly value: number;
}

export interface ControlModel {
  readonly id: string;
  readonly sheetId: string;
  readonly title: string;
  readonly kind: ControlKind;
  readonly multi: boolean;
  /** What the control sets: a parameter, or a filter's values directly. */
  readonly target: { readonly parameter: string } | { readonly filter: string };
  /** Fixed choices, or a column whose distinct values are the choices. */
  readonly values?: readonly Scalar[];
  readonly valuesFrom?: ColumnRef;
  /** A relative date control: the filter's setting it starts from. */
  readonly relative?: RelativeDateSetting;
  /** A cross-sheet control: the sheet control it repeats is the filter's (QuickSight's CrossSheet). */
  readonly crossSheet?: boolean;
}

export interface SheetModel {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly visuals: readonly AnyVisual[];
  readonly controls: readonly ControlModel[];
  /** Grid placement per visual id; visuals without one flow after the placed ones. */
  readonly layout: Readonly<Record<string, GridPlacement>>;
}

export interface DashboardModel {
  readonly id: string;
  readonly name: string;
  readonly sheets: readonly SheetModel[];
  readonly parameters: readonly ParameterModel[];
  readonly filters: readonly FilterModel[];
  /** DataSetIdentifier → dataset ARN. */
  readonly datasets: Readonly<Record<string, string>>;
  /** The moment (ISO) relative and rolling dates are worked out from: the render's "now". */
  readonly now?: string;
}

/**
 * The theme a dashboard is drawn with (its ThemeArn, read with DescribeTheme): what its latest
 * version sets. What it leaves to its base theme, the page's own look keeps.
 */
export interface ThemeModel {
  readonly name: string;
  /** Data series and categories, in order. */
  readonly dataColors?: readonly string[];
  /** Low and high ends of colour gradients (heat maps). */
  readonly gradient?: readonly string[];
  /** The interface: visuals' background and text, the sheet's background and secondary text, accents. */
  readonly ui: {
    readonly tileBackground?: string;
    readonly tileText?: string;
    readonly sheetBackground?: string;
    readonly sheetText?: string;
    readonly accent?: string;
    readonly danger?: string;
  };
  /** Font families, the first preferred. */
  readonly fonts?: readonly string[];
}
