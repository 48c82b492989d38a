import type { DashboardModel, Scalar } from './model.ts';

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
  readonly error?: string;
}

/** Everything one dashboard page reads, embedded as JSON. */
export interface PagePayload {
  readonly dashboard: DashboardModel;
  readonly data: Readonly<Record<string, VisualData>>;
  /** Control id → its choices (dropdowns linked to a column). */
  readonly choices: Readonly<Record<string, readonly Scalar[]>>;
  readonly problems: readonly string[];
}
