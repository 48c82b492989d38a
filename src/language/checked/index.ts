/** The checked model: what the gate resolves an accepted spec set into, and compile takes. */
export type { ColumnRef, CheckedControl, FilterWidget, ParameterWidget, SliderRange } from './controls.ts';
export type { Dimension, Granularity, Measure, NumberDisplay, RankAggregation, Row, SortKey } from './fields.ts';
export type { Bound, CheckedFilter, FilterCondition, FilterScope, RelativeUnit, TimeBound, TimePrecision } from './filters.ts';
export type { CheckedParameter } from './parameters.ts';
export type {
  BoardDataSet,
  CheckedBoard,
  CheckedDataSet,
  CheckedSheet,
  CheckedSpecs,
  CheckedTheme,
  CheckedFolder,
  DataSetQuery,
  Placement,
  RefreshSchedule,
} from './specs.ts';
export type { CheckedVisual, SpecOf, TableColumns, TopGroups } from './visuals.ts';
