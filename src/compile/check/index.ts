import { checkColumns } from './columns.ts';
import { indexDefinition } from './definition-index.ts';
import { checkUniqueIds } from './ids.ts';
import type { DatasetColumns, DefinitionProblem } from './problem.ts';
import { checkFilterScopes, checkLayouts, checkReferences } from './references.ts';

export type { DatasetColumns, DefinitionProblem } from './problem.ts';

/**
 * QuickSight's own rules for an analysis or dashboard `Definition` that its API model cannot
 * express: unique ids, declared datasets, existing columns of fitting types, filter scopes on
 * existing sheets and visuals, controls and layouts that point at what exists. Pure; returns every
 * problem found. `datasets` gives the output columns of each dataset identifier (those not given
 * are not checked column by column).
 */
export function checkDefinition(definition: unknown, datasets: readonly DatasetColumns[]): DefinitionProblem[] {
  const index = indexDefinition(definition);
  return [...checkUniqueIds(index), ...checkColumns(index, datasets), ...checkFilterScopes(index), ...checkReferences(index), ...checkLayouts(index)];
}
