/** QuickSight's own rules for definitions, each with its evidence (see README.md). Pure. */
export { checkDefinition } from './check-definition.ts';
export { entityAt } from './definition/entity.ts';
export { pathText, type DefinitionPath } from './definition/walk.ts';
export { GRID_COLUMNS, RESTRICTIVE_ID } from './limits.ts';
export type { DataSetColumn, DataSetColumns, DefinitionErrorType, Violation } from './rules/rule.ts';
export { findColumn, outputType } from './data-set-columns.ts';
export { DATE_PARTS, type DatePart, readRollingDate, type RollingDate } from './expression/rolling-date.ts';
