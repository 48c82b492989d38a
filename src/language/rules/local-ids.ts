import type { Finding } from '../finding.ts';
import type { JsonPath, YamlLocated } from '../load/located.ts';
import { boardVisuals, type Board } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** Within a board: sheet ids, visual ids (across all sheets), filter ids and parameter names are unique. */
export const localIds: Rule = {
  name: 'local-ids',
  check({ boards }) {
    return boards.flatMap((located) => {
      const board = located.spec;
      return [
        ...duplicates(
          located,
          'sheet id',
          board.sheets.map((s, i) => ({ id: s.id, path: ['sheets', i, 'id'] })),
          this.name,
        ),
        ...duplicates(
          located,
          'visual id',
          boardVisuals(board).map((v) => ({ id: v.visual.id, path: [...v.path, 'id'] })),
          this.name,
        ),
        ...duplicates(
          located,
          'filter id',
          (board.filters ?? []).map((f, i) => ({ id: f.id, path: ['filters', i, 'id'] })),
          this.name,
        ),
        ...duplicates(
          located,
          'parameter name',
          (board.parameters ?? []).map((p, i) => ({ id: p.name, path: ['parameters', i, 'name'] })),
          this.name,
        ),
      ];
    });
  },
};

function duplicates(located: YamlLocated<Board>, what: string, items: { id: string; path: JsonPath }[], rule: string): Finding[] {
  const seen = new Map<string, JsonPath>();
  return items.flatMap(({ id, path }) => {
    const first = seen.get(id);
    if (!first) {
      seen.set(id, path);
      return [];
    }
    return [findingAt(located, path, rule, `duplicate ${what} '${id}' (first at line ${located.at(first).line})`)];
  });
}
