import type { Ast } from '../../sql/index.ts';
import type { OutputColumn } from '../dataset-columns.ts';
import type { AnalysisSpec, DashboardSpec, DataSetColumnSpec, DataSetSpec, FolderSpec, ProjectSpec, ThemeSpec } from '../schema/index.ts';
import type { Located } from '../located-spec.ts';
import type { CheckedControl } from './controls.ts';
import type { CheckedFilter } from './filters.ts';
import type { CheckedParameter } from './parameters.ts';
import type { CheckedVisual } from './visuals.ts';

declare const checkedByTheGate: unique symbol;

/**
 * Every spec of a repository, checked by the gate (`checkSpecs`) and resolved: the input compile
 * takes and cannot reject. Only the gate makes one.
 */
export interface CheckedSpecs {
  readonly [checkedByTheGate]: true;
  readonly project: Located<ProjectSpec>;
  readonly datasets: readonly CheckedDataSet[];
  readonly dashboards: readonly CheckedBoard<DashboardSpec>[];
  readonly analyses: readonly CheckedBoard<AnalysisSpec>[];
  readonly themes: readonly CheckedTheme[];
  readonly folders: readonly CheckedFolder[];
}

/** A Folder spec: its name and members, as written (folder-members made sure each exists). */
export type CheckedFolder = Located<FolderSpec>;

/** A Theme spec: its colours, fonts and sheet style, as written (the schema holds all of it). */
export type CheckedTheme = Located<ThemeSpec>;

/** A dataset's query: its columns' parsed expressions, row filter and time window; or its free SQL, parsed. */
export type DataSetQuery =
  | {
      readonly form: 'columns';
      readonly select: readonly { readonly column: DataSetColumnSpec; readonly expr: Ast.Expression }[];
      readonly where?: Ast.Expression;
      readonly windowDays?: number;
    }
  | { readonly form: 'sql'; readonly text: string; readonly query: Ast.Query };

/** A SPICE dataset's refresh: the day its interval needs (dayOfWeek for WEEKLY, dayOfMonth for MONTHLY), a time of day unless HOURLY. */
export interface RefreshSchedule {
  readonly interval: 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY';
  readonly timezone: string;
  readonly timeOfDay?: string;
  readonly on?: { readonly dayOfWeek: string } | { readonly dayOfMonth: string };
}

export interface CheckedDataSet extends Located<DataSetSpec> {
  /** Its output columns (declared, then calculated), by name. */
  readonly columns: ReadonlyMap<string, OutputColumn>;
  readonly query: DataSetQuery;
  readonly refresh?: RefreshSchedule;
}

/** A dataset a board declares, by its alias (the definition's DataSetIdentifier). */
export interface BoardDataSet {
  readonly alias: string;
  readonly dataset: CheckedDataSet;
}

/** Where an element sits on a sheet's 36-column grid. */
export interface Placement {
  readonly elementId: string;
  readonly col: number;
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

export interface CheckedSheet {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly visuals: readonly CheckedVisual[];
  readonly controls: readonly CheckedControl[];
  /** Every visual's place: where `grid` says, else flowing left to right below the placed ones. */
  readonly layout: readonly Placement[];
}

/** A Dashboard or Analysis with everything it names resolved. */
export interface CheckedBoard<S extends DashboardSpec | AnalysisSpec = DashboardSpec | AnalysisSpec> extends Located<S> {
  /** Its datasets, by alias in alias order. */
  readonly datasets: readonly BoardDataSet[];
  readonly parameters: readonly CheckedParameter[];
  readonly filters: readonly CheckedFilter[];
  readonly sheets: readonly CheckedSheet[];
  /** The Theme it is drawn with, when it names one. */
  readonly theme?: CheckedTheme;
}
