import { calculatedFields } from './calculated-fields.ts';
import { columnTypes } from './column-types.ts';
import { columnsExist } from './columns.ts';
import { dataSets } from './data-sets.ts';
import { filterControls } from './filter-controls.ts';
import { filterDefinitions } from './filter-definitions.ts';
import { filterScopes } from './filter-scopes.ts';
import { layouts } from './layouts.ts';
import { parameterReferences } from './parameters.ts';
import type { DefinitionRule } from './rule.ts';
import { sorts } from './sorts.ts';
import { uniqueIds } from './unique-ids.ts';

/** QuickSight's rules for an analysis or dashboard definition, in the order their violations are reported. */
export const DEFINITION_RULES: readonly DefinitionRule[] = [
  filterDefinitions,
  dataSets,
  columnsExist,
  columnTypes,
  parameterReferences,
  calculatedFields,
  uniqueIds,
  filterScopes,
  filterControls,
  sorts,
  layouts,
];
