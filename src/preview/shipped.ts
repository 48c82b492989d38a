import type { DashboardModel, Scalar, ThemeModel } from './dashboard-model.ts';

/** The part of a measure's result that a shipped column holds; the page recombines them. */
export type MeasurePart = 'sum' | 'count' | 'sumsq' | 'min' | 'max' | 'exact' | 'value' | 'weight';

export type ShippedColumn =
  | { readonly key: string; readonly role: 'dimension'; readonly fieldId: string }
  | { readonly key: string; readonly role: 'filter'; readonly filterId: string }
  | { readonly key: string; readonly role: 'part'; readonly fieldId: string; readonly part: MeasurePart; readonly leaf?: number };

export type Cell = string | number | boolean | null;

/** A visual's rows as shipped to the page. */
export interface VisualData {
  readonly columns: readonly ShippedColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** Filter id → the key of the column holding the value it tests. */
  readonly filterKeys: Readonly<Record<string, string>>;
  /** More rows matched than were shipped. */
  readonly truncated: boolean;
  /** When truncated: how many rows the query had in all. */
  readonly totalRows?: number;
  /** Some text it holds was longer than the page shows and was cut in the SQL (query/shown-text.ts). */
  readonly cut?: boolean;
  /** When truncated: how many rows the query had per value of these columns (the page filters' columns). */
  readonly rowsPerKey?: { readonly keys: readonly string[]; readonly rows: readonly (readonly Cell[])[] };
  /** The page filters' cells: what lets the page count exactly what it did not get row by row. */
  readonly cells?: CellTable;
  /** DISTINCT_COUNT measures under page filters, as signatures (see DistinctPart). */
  readonly distinct?: readonly DistinctPart[];
  /** A table of rows: each value of these filters' columns got its own first `perPartition` rows. */
  readonly partitions?: { readonly filterIds: readonly string[]; readonly columns: readonly string[]; readonly perPartition: number };
  readonly error?: string;
}

/**
 * Every distinct combination of the values the page filters test (dates to the day), with how
 * many dataset rows hold it. A cell's id is its index in `rows`.
 */
export interface CellTable {
  readonly filterIds: readonly string[];
  /** The filters' values (in `filterIds` order), then the row count. */
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * A distinct count under page filters, exact for any choice: for each group of the visual, the
 * distinct values grouped by the set of cells they occur in. Rows: dimension values (the
 * visual's order), the cell ids joined by ',', how many distinct values have exactly those cells.
 */
export interface DistinctPart {
  readonly fieldId: string;
  readonly leaf?: number;
  readonly rows: readonly (readonly Cell[])[];
  /** The query had more rows than the page holds: the largest were kept. */
  readonly truncated: boolean;
  readonly totalRows?: number;
}

/** One of QuickSight's errors of a dashboard version (DescribeDashboard's `Version.Errors`). */
export interface DashboardError {
  /** QuickSight's DashboardErrorType, e.g. COLUMN_REPLACEMENT_MISSING. */
  readonly type: string;
  readonly message: string;
  /** The ViolatedEntities' paths, e.g. `sheet/s1/visual/v2`. */
  readonly entities: readonly string[];
}

/** A dashboard version as QuickSight reports it. */
export interface VersionState {
  readonly versionNumber?: number;
  /** QuickSight's ResourceStatus: CREATION_SUCCESSFUL, UPDATE_FAILED, CREATION_IN_PROGRESS … */
  readonly status: string;
  readonly errors: readonly DashboardError[];
}

/** Everything one dashboard page reads, embedded as JSON. */
export interface PagePayload {
  readonly dashboard: DashboardModel;
  /** The published version (drawn only when it succeeded) and a newer version that failed. */
  readonly version: { readonly published: VersionState; readonly newerFailed?: VersionState };
  readonly data: Readonly<Record<string, VisualData>>;
  /** Control id → its choices (dropdowns linked to a column). */
  readonly choices: Readonly<Record<string, readonly Scalar[]>>;
  readonly problems: readonly string[];
  /** The dashboard's theme, when it has one the preview could read. */
  readonly theme?: ThemeModel;
}
