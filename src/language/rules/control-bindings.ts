import { RESTRICTIVE_ID } from '../../quicksight/index.ts';
import type { Finding } from '../finding.ts';
import { filterSheetIds } from '../filter-sheets.ts';
import type { FilterSpec } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import { boardControls, columnsFor, type Board } from './board-parts.ts';
import { filterMisfit, parameterMisfit } from './control-fit.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** QuickSight's limit for a control id (compile makes it from the sheet, the binding and the type). */
const MAX_CONTROL_ID = RESTRICTIVE_ID.maxLength;

/**
 * Each control binds exactly one existing parameter or filter, of a kind the control can drive; a
 * filter control sits on a sheet the filter applies to; a sheet has one control of a type per binding.
 */
export const controlBindings: Rule = {
  name: 'control-bindings',
  check(context) {
    return context.boards.flatMap((located) => {
      const board = located.spec;
      const filters = board.filters ?? [];
      const parameters = board.parameters ?? [];
      const seen = new Map<string, number>();
      return boardControls(board).flatMap(({ control, path, sheetId }): Finding[] => {
        const at = (key: string[], message: string, atKey = false) =>
          findingAt(located, [...path, ...key], this.name, `control '${control.title}': ${message}`, { atKey });
        if ((control.parameter === undefined) === (control.filter === undefined)) {
          return [at([], 'binds to a parameter or a filter: give exactly one of `parameter` and `filter`')];
        }
        if (control.values !== undefined && control.type !== 'dropdown') {
          return [at(['values'], `values are for dropdown controls, not ${control.type}`, true)];
        }
        const sliderOnly = (['min', 'max', 'step'] as const).find((key) => control[key] !== undefined);
        if (sliderOnly && control.type !== 'slider') return [at([sliderOnly], `min, max and step are for slider controls, not ${control.type}`, true)];
        // The control id compile gives it; QuickSight wants them unique.
        const id = `${sheetId}-${control.filter !== undefined ? `filter-${control.filter}` : `parameter-${control.parameter}`}-${control.type}`;
        const first = seen.get(id);
        if (first !== undefined)
          return [at([], `same control id '${id}' as the control at line ${first}: a sheet has one ${control.type} control per parameter or filter`)];
        seen.set(id, located.at(path).line);
        if (id.length > MAX_CONTROL_ID)
          return [
            at([], `its control id '${id.slice(0, 40)}…' has ${id.length} characters, QuickSight allows ${MAX_CONTROL_ID}: shorten the name it is bound to`),
          ];
        if (control.filter !== undefined) {
          const filter = filters.find((f) => f.id === control.filter);
          if (!filter)
            return [
              at(
                ['filter'],
                `no filter '${control.filter}'${didYouMean(
                  control.filter,
                  filters.map((f) => f.id),
                )}`,
              ),
            ];
          const column = columnsFor(context, board, filter.dataset)?.columns.get(filter.column);
          const problem = filterMisfit(control, filter, column) ?? outsideScope(board, filter, sheetId);
          return problem ? [at(['filter'], problem)] : [];
        }
        const parameter = parameters.find((p) => p.name === control.parameter);
        if (!parameter)
          return [
            at(
              ['parameter'],
              `no parameter '${control.parameter}'${didYouMean(
                control.parameter!,
                parameters.map((p) => p.name),
              )}`,
            ),
          ];
        const problem = parameterMisfit(control, parameter);
        return problem ? [at(['parameter'], problem)] : [];
      });
    });
  },
};

/** QuickSight shows a filter control only where its filter applies. */
function outsideScope(board: Board, filter: FilterSpec, sheetId: string): string | undefined {
  const scope = filter.scope;
  if (scope === undefined || scope === 'all') return undefined;
  const sheets = 'sheets' in scope ? scope.sheets : filterSheetIds(board.sheets, filter);
  if (sheets.includes(sheetId)) return undefined;
  return `filter '${filter.id}' applies only to sheet${sheets.length === 1 ? '' : 's'} '${sheets.join("', '")}', not '${sheetId}': put the control there or widen the filter's scope`;
}
