import { calculatedFieldRefs } from './calculated-refs.ts';
import { controlBindings } from './control-bindings.ts';
import { datasetRefs } from './dataset-refs.ts';
import { datasetSql } from './dataset-sql.ts';
import { fieldTypes } from './field-types.ts';
import { fieldsExist } from './fields-exist.ts';
import { filterConditions } from './filter-conditions.ts';
import { localIds } from './local-ids.ts';
import { parameterDefaults } from './parameter-defaults.ts';
import { projectCount } from './project-count.ts';
import { rawVisual } from './raw-visual.ts';
import type { Rule } from './rule.ts';
import { uniqueIds } from './unique-ids.ts';

/** Every semantic lint rule, run in this order over the schema-valid specs. */
export const RULES: readonly Rule[] = [
  projectCount,
  uniqueIds,
  datasetSql,
  calculatedFieldRefs,
  datasetRefs,
  fieldsExist,
  fieldTypes,
  localIds,
  filterConditions,
  controlBindings,
  parameterDefaults,
  rawVisual,
];
