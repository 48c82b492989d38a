import type { Finding } from '../finding.ts';
import { didYouMean } from '../suggest.ts';
import { boardControls, boardVisuals, resolveAlias } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** A board's datasets exist; each visual, filter and control names one of the board's aliases (or there is one). */
export const datasetRefs: Rule = {
  name: 'dataset-refs',
  check({ datasets, boards, brokenIds }) {
    const ids = datasets.map((d) => d.spec.id);
    return boards.flatMap((located) => {
      const board = located.spec;
      const findings: Finding[] = [];
      for (const [alias, id] of Object.entries(board.datasets)) {
        if (!ids.includes(id) && !brokenIds.has(id))
          findings.push(findingAt(located, ['datasets', alias], this.name, `no DataSet with id '${id}'${didYouMean(id, ids)}`));
      }
      const uses = [
        ...boardVisuals(board)
          .filter((v) => v.visual.type !== 'raw')
          .map((v) => ({ alias: 'dataset' in v.visual ? v.visual.dataset : undefined, path: v.path })),
        ...(board.filters ?? []).map((f, i) => ({ alias: f.dataset, path: ['filters', i] })),
        ...boardControls(board)
          .filter((c) => c.control.values !== undefined && !Array.isArray(c.control.values))
          .map((c) => ({ alias: (c.control.values as { dataset?: string }).dataset, path: [...c.path, 'values'] })),
      ];
      for (const { alias, path } of uses) {
        const { problem } = resolveAlias(board, alias);
        if (problem) findings.push(findingAt(located, alias === undefined ? path : [...path, 'dataset'], this.name, problem));
      }
      return findings;
    });
  },
};
