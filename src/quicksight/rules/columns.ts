import { declaredDataSets } from './declared-columns.ts';
import { violation, type DefinitionRule } from './rule.ts';

/**
 * Every column a definition names is an output column of its data set (or a calculated field the
 * definition adds to it), by its name as written.
 *
 * Evidence: QuickSight fails the creation with COLUMN_REPLACEMENT_MISSING, "Required column
 * 'ri_sp_end_date' is missing in data set 'arn:aws:quicksight:…:dataset/…'"
 * (awslabs/aws-well-architected-labs#294). A column named `MissingColumnId_<uuid>` is the console's
 * leftover of a column the data set lost (real exports keep them: test/quicksight/corpus, cid/aws-budgets);
 * the CID tool publishes such exports with ValidationStrategy LENIENT, which QuickSight documents as
 * skipping "specific UI errors": with LENIENT it is not refused.
 */
export const columnsExist: DefinitionRule = {
  name: 'column-exists',
  check(input) {
    const declared = declaredDataSets(input);
    return input.index.columns.flatMap((use) => {
      const dataSet = use.dataset === undefined ? undefined : declared.get(use.dataset);
      if (!dataSet?.columns || dataSet.columns.has(use.column)) return [];
      const message = `Required column '${use.column}' is missing in data set '${dataSet.arn}'`;
      return [violation(input.index, this.name, 'COLUMN_REPLACEMENT_MISSING', use.path, message, { lenient: isConsoleLeftover(use.column) })];
    });
  },
};

/** The console's name for a field whose column the data set no longer has. */
export function isConsoleLeftover(column: string): boolean {
  return column.startsWith('MissingColumnId_');
}
