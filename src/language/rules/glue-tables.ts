import { INSIGHTS_TABLE } from '../../cloudtrail/index.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** The trail's two Glue tables (its events and its Insights events) are two tables: their names differ. */
export const glueTables: Rule = {
  name: 'glue-tables',
  check({ projects }) {
    return projects.flatMap((located) => {
      const { glue } = located.spec;
      const insights = glue.insightsTable ?? INSIGHTS_TABLE.name;
      if (insights !== glue.table) return [];
      const path = glue.insightsTable === undefined ? ['glue', 'table'] : ['glue', 'insightsTable'];
      return [
        findingAt(
          located,
          path,
          this.name,
          `the events' table and the Insights events' table are both '${insights}': name them apart (glue.table, glue.insightsTable, default ${INSIGHTS_TABLE.name})`,
        ),
      ];
    });
  },
};
