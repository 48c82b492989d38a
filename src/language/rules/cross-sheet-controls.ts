import type { Finding } from '../finding.ts';
import { coversSeveralSheets } from '../filter-sheets.ts';
import type { ControlSpec } from '../schema/index.ts';
import { boardControls } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** What the controls of one filter share when it covers several sheets: QuickSight keeps one of each, on the filter. */
const SHARED = ['type', 'title', 'values', 'min', 'max', 'step'] as const;

/**
 * The controls of a filter that applies to several sheets are one control, shown on each sheet that
 * has it (QuickSight's cross-sheet control; src/language/filter-sheets.ts): one per sheet, each of the
 * same type, title, values and range as the first.
 *
 * Evidence: the API model — a FilterCrossSheetControl has no title or widget of its own; the
 * filter's DefaultFilterControlConfiguration has one `Title` ("shared by all controls that are tied
 * to this filter") and one `ControlOptions`.
 */
export const crossSheetControls: Rule = {
  name: 'cross-sheet-controls',
  check(context) {
    return context.boards.flatMap((located) => {
      const board = located.spec;
      const first = new Map<string, { control: ControlSpec; line: number; sheets: Map<string, number> }>();
      return boardControls(board).flatMap(({ control, path, sheetId }): Finding[] => {
        const filter = control.filter === undefined ? undefined : board.filters?.find((f) => f.id === control.filter);
        if (!filter || !coversSeveralSheets(board.sheets, filter)) return [];
        const at = (message: string) => findingAt(located, path, this.name, `control '${control.title}': ${message}`);
        const line = located.at(path).line;
        const seen = first.get(filter.id);
        if (!seen) {
          first.set(filter.id, { control, line, sheets: new Map([[sheetId, line]]) });
          return [];
        }
        const shared = `filter '${filter.id}' applies to several sheets, so its controls are one control shown on each (QuickSight's cross-sheet control)`;
        const onSheet = seen.sheets.get(sheetId);
        if (onSheet !== undefined) return [at(`${shared}: one per sheet, and sheet '${sheetId}' has one at line ${onSheet}`)];
        seen.sheets.set(sheetId, line);
        const differs = SHARED.filter((key) => JSON.stringify(control[key]) !== JSON.stringify(seen.control[key]));
        if (differs.length === 0) return [];
        const like = SHARED.filter((key) => seen.control[key] !== undefined)
          .map((key) => `${key} ${JSON.stringify(seen.control[key])}`)
          .join(', ');
        return [at(`${shared}: give it the ${differs.join(', ')} of the one at line ${seen.line} (${like})`)];
      });
    });
  },
};
