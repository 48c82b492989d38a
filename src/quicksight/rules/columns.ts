import { declaredDataSets } from './declared-columns.ts';
import { violation, type DefinitionRule } from './rule.ts';

/**
 * Every column a definition names is an output column of its data set (or a calculated field the
 * definition adds to it), by its name as written.
 *
 * Evidence: QuickSight fails the creation with COLUMN_REPLACEMENT_MISSING, "Required column
 * 'ri_sp_end_date' is missing in data set 'arn:aws:quicksight:…:dataset/…'"
 * (awslabs/aws-well-architected-labs#294).
 */
export const columnsExist: DefinitionRule = {
  name: 'column-exists',
  check(input) {
    const declared = declaredDataSets(input);
    return input.index.columns.flatMap((use) => {
      const dataSet = use.dataset === undefined ? undefined : declared.get(use.dataset);
      if (!dataSet?.columns || dataSet.columns.has(use.column)) return [];
      return [violation(input.index, this.name, 'COLUMN_REPLACEMENT_MISSING', use.path, `Required column '${use.column}' is missing in data set '${dataSet.arn}'`)];
    });
  },
};
