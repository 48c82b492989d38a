import type { Finding } from '../finding.ts';
import { withArticle } from '../words.ts';
import type { Aggregation, DataType } from '../schema/index.ts';
import { fieldUses } from './field-uses.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** Which column types each aggregation accepts; count and distinct_count take any. */
const ACCEPTS: Record<Aggregation, readonly DataType[] | 'any'> = {
  count: 'any',
  distinct_count: 'any',
  sum: ['integer', 'decimal'],
  avg: ['integer', 'decimal'],
  median: ['integer', 'decimal'],
  min: ['integer', 'decimal', 'datetime'],
  max: ['integer', 'decimal', 'datetime'],
};

/** Aggregations fit the column's type; date granularity is only for datetime columns. */
export const fieldTypes: Rule = {
  name: 'field-types',
  check(context) {
    return context.boards.flatMap((located) =>
      fieldUses(context, located).flatMap((use): Finding[] => {
        const output = use.columns.get(use.ref.column);
        if (output === undefined) return [];
        const { type } = output;
        const { aggregation, granularity, column } = use.ref;
        if (type === undefined) {
          // A calculated field without a type: QuickSight treats it as a number.
          if (!granularity) return [];
          return [
            findingAt(
              located,
              use.path,
              this.name,
              `granularity '${granularity}' needs a datetime column; '${column}' is a calculated field without a type: give it \`type: datetime\``,
            ),
          ];
        }
        const accepts = aggregation ? ACCEPTS[aggregation] : 'any';
        if (accepts !== 'any' && !accepts.includes(type)) {
          return [
            findingAt(
              located,
              use.path,
              this.name,
              `${aggregation}(${column}): '${column}' is ${withArticle(type)} column; ${aggregation} needs ${accepts.join(' or ')} (count or distinct_count work on any column)`,
            ),
          ];
        }
        if (granularity && type !== 'datetime') {
          return [findingAt(located, use.path, this.name, `granularity '${granularity}' needs a datetime column; '${column}' is ${withArticle(type)}`)];
        }
        return [];
      }),
    );
  },
};
