import { columnTypes } from './column-types.ts';
import { columnsExist } from './columns.ts';
import { dataSets } from './data-sets.ts';
import { filterControls } from './filter-controls.ts';
import { filterScopes } from './filter-scopes.ts';
import { layouts } from './layouts.ts';
import { parameterReferences } from './parameters.ts';
import type { DefinitionRule } from './rule.ts';
import { uniqueIds } from './unique-ids.ts';

/** QuickSight's rules for an analysis or dashboard definition, in the order their violations are reported. */
export const DEFINITION_RULES: readonly DefinitionRule[] = [
  dataSets,
  columnsExist,
  columnTypes,
  parameterReferences,
  uniqueIds,
  filterScopes,
  filterControls,
  layouts,
];
