import { calculatedFieldRefs } from './calculated-refs.ts';
import { controlBindings } from './control-bindings.ts';
import { crossSheetControls } from './cross-sheet-controls.ts';
import { datasetRefs } from './dataset-refs.ts';
import { datasetSql } from './dataset-sql.ts';
import { fieldRoles } from './field-roles.ts';
import { fieldFormats } from './field-formats.ts';
import { fieldTypes } from './field-types.ts';
import { fieldsExist } from './fields-exist.ts';
import { filterConditions } from './filter-conditions.ts';
import { filterScopes } from './filter-scopes.ts';
import { glueTables } from './glue-tables.ts';
import { gridLayout } from './grid-layout.ts';
import { localIds } from './local-ids.ts';
import { parameters } from './parameters.ts';
import { projectCount } from './project-count.ts';
import { rawVisual } from './raw-visual.ts';
import { refreshSchedule } from './refresh-schedule.ts';
import { themeRefs } from './theme-refs.ts';
import { folderMembers } from './folder-members.ts';
import type { Rule } from './rule.ts';
import { uniqueIds } from './unique-ids.ts';

/** Every rule of the gate, run in this order over the schema-valid specs (and the well-formed part of the others). */
export const RULES: readonly Rule[] = [
  projectCount,
  glueTables,
  uniqueIds,
  datasetSql,
  refreshSchedule,
  calculatedFieldRefs,
  datasetRefs,
  themeRefs,
  folderMembers,
  fieldsExist,
  fieldTypes,
  fieldRoles,
  fieldFormats,
  localIds,
  filterConditions,
  filterScopes,
  controlBindings,
  crossSheetControls,
  parameters,
  gridLayout,
  rawVisual,
];
