import { didYouMean } from '../suggest.ts';
import { fieldUses } from './field-uses.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** Every field a visual, filter or control uses is a column of its dataset (declared or calculated). */
export const fieldsExist: Rule = {
  name: 'fields-exist',
  check(context) {
    return context.boards.flatMap((located) =>
      fieldUses(context, located)
        .filter((use) => !use.columns.has(use.ref.column))
        .map((use) =>
          findingAt(
            located,
            use.path,
            this.name,
            `no column '${use.ref.column}' in dataset '${use.dataset.id}'${didYouMean(use.ref.column, use.columns.keys())}`,
          ),
        ),
    );
  },
};
