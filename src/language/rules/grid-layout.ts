import { GRID_COLUMNS } from '../../quicksight/index.ts';
import { boardVisuals } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** A visual placed with `grid` fits the 36-column sheet: col + width at most 36. */
export const gridLayout: Rule = {
  name: 'grid-layout',
  check({ boards }) {
    return boards.flatMap((located) =>
      boardVisuals(located.spec).flatMap(({ visual, path }) => {
        const grid = visual.grid;
        if (!grid || grid.col + grid.width <= GRID_COLUMNS) return [];
        const message = `visual '${visual.id}': grid col ${grid.col} + width ${grid.width} passes the sheet's ${GRID_COLUMNS} columns (col + width at most ${GRID_COLUMNS})`;
        return [findingAt(located, [...path, 'grid'], this.name, message)];
      }),
    );
  },
};
