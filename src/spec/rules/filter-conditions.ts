import type { Finding } from '../finding.ts';
import { withArticle } from '../words.ts';
import { didYouMean } from '../suggest.ts';
import { boardVisuals, columnsFor } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

const CONDITIONS = ['equals', 'notEquals', 'between', 'timeRange', 'lastDays'] as const;

/**
 * Each filter has exactly one condition that fits its column's type, names parameters that exist,
 * and is scoped to sheets and visuals that exist.
 */
export const filterConditions: Rule = {
  name: 'filter-conditions',
  check(context) {
    return context.boards.flatMap((located) => {
      const board = located.spec;
      const parameters = (board.parameters ?? []).map((p) => p.name);
      const sheets = board.sheets.map((s) => s.id);
      const visuals = boardVisuals(board).map((v) => v.visual.id);
      return (board.filters ?? []).flatMap((filter, i): Finding[] => {
        const at = (path: (string | number)[], message: string, atKey = false) =>
          findingAt(located, ['filters', i, ...path], this.name, `filter '${filter.id}': ${message}`, { atKey });
        const findings: Finding[] = [];
        const present = CONDITIONS.filter((c) => filter[c] !== undefined);
        if (present.length !== 1) {
          const found = present.length === 0 ? 'none' : present.join(' and ');
          findings.push(at(present.length > 1 ? [present[1]] : [], `needs exactly one of ${CONDITIONS.join(', ')}; found ${found}`, present.length > 1));
        }
        const refs: { path: (string | number)[]; value: unknown }[] = [
          { path: ['equals'], value: filter.equals },
          { path: ['between', 'min'], value: filter.between?.min },
          { path: ['between', 'max'], value: filter.between?.max },
          { path: ['timeRange', 'from'], value: filter.timeRange?.from },
          { path: ['timeRange', 'to'], value: filter.timeRange?.to },
        ];
        for (const { path, value } of refs) {
          const name = (value as { parameter?: string } | undefined)?.parameter;
          if (name !== undefined && !parameters.includes(name)) {
            findings.push(at([...path, 'parameter'], `no parameter '${name}' in this ${board.kind.toLowerCase()}${didYouMean(name, parameters)}`));
          }
        }
        const scope = filter.scope;
        if (scope !== undefined && scope !== 'all') {
          const [key, ids, known] = 'sheets' in scope ? ['sheets', scope.sheets, sheets] as const : ['visuals', scope.visuals, visuals] as const;
          ids.forEach((id, j) => {
            if (!known.includes(id)) findings.push(at(['scope', key, j], `no ${key === 'sheets' ? 'sheet' : 'visual'} '${id}' to scope to${didYouMean(id, known)}`));
          });
        }
        const type = columnsFor(context, board, filter.dataset)?.columns.get(filter.column)?.type;
        const needs = filter.timeRange !== undefined || filter.lastDays !== undefined ? 'datetime' : filter.between !== undefined ? 'number' : undefined;
        if (type !== undefined && needs === 'datetime' && type !== 'datetime') {
          findings.push(at(['column'], `${present[0]} needs a datetime column; '${filter.column}' is ${withArticle(type)}`));
        }
        if (type !== undefined && needs === 'number' && type !== 'integer' && type !== 'decimal') {
          findings.push(at(['column'], `between needs an integer or decimal column; '${filter.column}' is ${withArticle(type)}`));
        }
        return findings;
      });
    });
  },
};
