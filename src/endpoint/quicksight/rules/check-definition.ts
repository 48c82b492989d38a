import type { DefinitionError } from '../records.ts';
import { referenceErrors } from './references.ts';
import { structureErrors } from './structure.ts';

/** Columns of the data sets a definition may use, by data set ARN (undefined: no such data set). */
export type DataSetColumns = (arn: string) => readonly string[] | undefined;

/**
 * QuickSight's semantic checks of an analysis or dashboard definition, every problem at once:
 * data sets that do not exist or are not declared, columns missing from their data set, duplicate
 * ids, layouts, filter scopes and controls that point at nothing, parameters that are not declared.
 */
export function checkDefinition(definition: Record<string, unknown>, dataSetColumns: DataSetColumns): DefinitionError[] {
  return [...referenceErrors(definition, dataSetColumns), ...structureErrors(definition)];
}
