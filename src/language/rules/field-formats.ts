import type { Finding } from '../finding.ts';
import { withArticle } from '../words.ts';
import { fieldUses, type FieldUse } from './field-uses.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/**
 * A number format (`format`, `decimals`) shows a number: a measure of a number column, or a number
 * column in a table that lists rows. A grouping field has none, nor does a count of text or dates.
 */
export const fieldFormats: Rule = {
  name: 'field-formats',
  check(context) {
    return context.boards.flatMap((located) =>
      fieldUses(context, located).flatMap((use): Finding[] => {
        const { column, format, decimals, aggregation } = use.ref;
        if (use.where !== 'visual' || (format === undefined && decimals === undefined)) return [];
        const shown = shownAs(use);
        if (shown === undefined) return [];
        if (shown === 'group')
          return [findingAt(located, use.path, this.name, `${use.role} groups by '${column}': \`format\` and \`decimals\` are for measures and table rows`)];
        const type = use.columns.get(column)?.type;
        if (type === undefined || type === 'integer' || type === 'decimal') return [];
        const what = aggregation ? `${aggregation}(${column})` : `'${column}'`;
        return [
          findingAt(located, use.path, this.name, `${what}: \`format\` and \`decimals\` are for number columns; '${column}' is ${withArticle(type)} column`),
        ];
      }),
    );
  },
};

/** How a visual shows a field: grouping by it, or as a value (a measure, or a table row); undefined for sort keys. */
function shownAs(use: FieldUse): 'group' | 'value' | undefined {
  if (use.role === 'sort') return undefined;
  if (use.placement === 'dimension') return 'group';
  if (use.placement === 'measure') return 'value';
  // A table's column groups when another column is aggregated and it is not.
  return use.ref.aggregation || !use.tableAggregated ? 'value' : 'group';
}
