import type { Finding } from '../finding.ts';
import { parseField } from '../field-ref.ts';
import { withArticle } from '../words.ts';
import { boardVisuals } from './board-parts.ts';
import { fieldUses } from './field-uses.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/**
 * Fields fit their place in the visual: a grouping field (x, color, group, rows…) names a column
 * without aggregation; a measure (y, value, values) of a string, boolean or datetime column is
 * aggregated; an aggregated table with a `limit` has a column to group by.
 */
export const fieldRoles: Rule = {
  name: 'field-roles',
  check(context) {
    return context.boards.flatMap((located) => {
      const findings: Finding[] = fieldUses(context, located).flatMap((use): Finding[] => {
        const { column, aggregation } = use.ref;
        if (use.placement === 'dimension' && aggregation) {
          return [findingAt(located, use.path, this.name, `${use.role} groups by a column: use '${column}' without ${aggregation}()`)];
        }
        const type = use.columns.get(column)?.type;
        if (use.placement === 'measure' && !aggregation && type !== undefined && type !== 'integer' && type !== 'decimal') {
          const example = type === 'datetime' ? `max(${column})` : `count(${column})`;
          return [
            findingAt(located, use.path, this.name, `${use.role} is a measure: '${column}' is ${withArticle(type)} column, so aggregate it, e.g. ${example}`),
          ];
        }
        return [];
      });
      for (const { visual, path } of boardVisuals(located.spec)) {
        if (visual.type !== 'table' || visual.limit === undefined) continue;
        const refs = visual.columns.map(parseField);
        if (refs.some((r) => r.aggregation) && refs.every((r) => r.aggregation)) {
          findings.push(
            findingAt(
              located,
              [...path, 'limit'],
              this.name,
              `table '${visual.id}': a limit on an aggregated table keeps its top groups: add a column without aggregation to group by`,
              { atKey: true },
            ),
          );
        }
      }
      return findings;
    });
  },
};
