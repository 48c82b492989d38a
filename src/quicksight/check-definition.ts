import { indexDefinition } from './definition/index-definition.ts';
import { DEFINITION_RULES } from './rules/index.ts';
import type { DataSetColumns, Violation } from './rules/rule.ts';

/**
 * QuickSight's rules for an analysis or dashboard `Definition` that its API model cannot express
 * (rules/, each with its evidence): declared and existing data sets, existing columns of fitting
 * types, declared parameters, unique ids, filter scopes, filter controls and layouts that point at
 * what exists. Pure; every violation at once, in rule order. `dataSetColumns` gives the output
 * columns of the data set an ARN names (undefined: no such data set).
 */
export function checkDefinition(definition: unknown, dataSetColumns: DataSetColumns): Violation[] {
  const index = indexDefinition(definition);
  return DEFINITION_RULES.flatMap((rule) => rule.check({ index, dataSetColumns }));
}
