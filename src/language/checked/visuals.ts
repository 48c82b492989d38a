import type { Visual } from '../schema/index.ts';
import type { Dimension, Granularity, Measure, RankAggregation, Row, SortKey } from './fields.ts';

/** The spec of one visual type, e.g. `SpecOf<'bar'>`. */
export type SpecOf<K extends Visual['type']> = Extract<Visual, { type: K }>;

/** What every visual over a dataset has: its spec and the dataset alias its fields come from. */
interface OverDataset<K extends Visual['type']> {
  readonly type: K;
  readonly spec: SpecOf<K>;
  readonly dataset: string;
}

/**
 * The top-N filter of an aggregated table with a `limit`: it keeps the table's first grouping column's
 * top groups, ranked by the first aggregated sort key (else the first aggregated column, descending).
 */
export interface TopGroups {
  readonly filterId: string;
  readonly groupId: string;
  readonly sheetId: string;
  readonly limit: number;
  readonly column: string;
  /** Set when the grouping column is a datetime at a granularity. */
  readonly granularity?: Granularity;
  readonly rank: { readonly column: string; readonly direction: 'ASC' | 'DESC'; readonly aggregation: RankAggregation };
}

/** A table's columns: grouped (dimensions and measures, in the spec's order) or listing rows. */
export type TableColumns =
  | {
      readonly aggregated: true;
      readonly groupBy: readonly Dimension[];
      readonly values: readonly Measure[];
      /** Field ids in the spec's column order. */
      readonly order: readonly string[];
      readonly topGroups?: TopGroups;
    }
  | { readonly aggregated: false; readonly rows: readonly Row[] };

/** Each visual of a board with its fields placed in their roles, typed by their columns. */
export type CheckedVisual =
  | (OverDataset<'kpi'> & { readonly value: Measure })
  | (OverDataset<'bar'> & { readonly x: Dimension; readonly y: readonly Measure[]; readonly color?: Dimension; readonly sort?: readonly SortKey[] })
  | (OverDataset<'line'> & { readonly x: Dimension; readonly y: readonly Measure[]; readonly color?: Dimension })
  | (OverDataset<'pie'> & { readonly group: Dimension; readonly value: Measure; readonly sort?: readonly SortKey[] })
  | (OverDataset<'table'> & { readonly columns: TableColumns; readonly sort?: readonly SortKey[] })
  | (OverDataset<'pivot'> & { readonly rows: readonly Dimension[]; readonly columns?: readonly Dimension[]; readonly values: readonly Measure[] })
  | (OverDataset<'heatmap'> & { readonly rows: Dimension; readonly columns: Dimension; readonly value: Measure })
  | { readonly type: 'raw'; readonly spec: SpecOf<'raw'> };
