import type { Finding } from '../finding.ts';
import { parseField } from '../field-ref.ts';
import { didYouMean } from '../suggest.ts';
import { boardVisuals, visualAliases, type Board } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/**
 * A filter is scoped to sheets and visuals that exist, each visual showing the filter's dataset
 * (QuickSight filters one dataset at a time); its id is not the one compile gives a table's top-N
 * filter (`<table>-limit`).
 */
export const filterScopes: Rule = {
  name: 'filter-scopes',
  check({ boards }) {
    return boards.flatMap((located) => {
      const board = located.spec;
      const sheets = board.sheets.map((s) => s.id);
      const visuals = boardVisuals(board);
      const topN = topNFilterIds(board);
      return (board.filters ?? []).flatMap((filter, i): Finding[] => {
        const at = (path: (string | number)[], message: string) => findingAt(located, ['filters', i, ...path], this.name, `filter '${filter.id}': ${message}`);
        const findings: Finding[] = [];
        const table = topN.get(filter.id);
        if (table) findings.push(at(['id'], `id '${filter.id}' is taken by the top-N filter of table '${table}' (from its \`limit\`): choose another id`));
        const scope = filter.scope;
        if (scope === undefined || scope === 'all') return findings;
        if ('sheets' in scope) {
          scope.sheets.forEach((id, j) => {
            if (!sheets.includes(id)) findings.push(at(['scope', 'sheets', j], `no sheet '${id}' to scope to${didYouMean(id, sheets)}`));
          });
          return findings;
        }
        const alias = filter.dataset ?? (Object.keys(board.datasets).length === 1 ? Object.keys(board.datasets)[0] : undefined);
        scope.visuals.forEach((id, j) => {
          const visual = visuals.find((v) => v.visual.id === id)?.visual;
          if (!visual) {
            findings.push(
              at(
                ['scope', 'visuals', j],
                `no visual '${id}' to scope to${didYouMean(
                  id,
                  visuals.map((v) => v.visual.id),
                )}`,
              ),
            );
            return;
          }
          const shown = visualAliases(board, visual);
          if (alias !== undefined && shown.length > 0 && !shown.includes(alias)) {
            findings.push(
              at(['scope', 'visuals', j], `filters dataset '${alias}', but visual '${id}' shows '${shown.join("', '")}': scope it to visuals of its dataset`),
            );
          }
        });
        return findings;
      });
    });
  },
};

/** The ids compile gives the top-N filters of aggregated tables with a `limit`, mapped to the table's id. */
function topNFilterIds(board: Board): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { visual } of boardVisuals(board)) {
    if (visual.type === 'table' && visual.limit !== undefined && visual.columns.some((c) => parseField(c).aggregation))
      ids.set(`${visual.id}-limit`, visual.id);
  }
  return ids;
}
