import type { DefinitionIndex, IdUse } from '../definition/index-definition.ts';
import { violation, type DefinitionRule, type Violation } from './rule.ts';

/**
 * Sheet, visual, filter, filter group, control and parameter ids are each unique in a definition; a
 * field id is unique within its visual (exports reuse field ids across visuals everywhere).
 *
 * Evidence: the API model's documentation — VisualId "must be unique within the context of a
 * dashboard, template, or analysis"; FilterId "uniquely identifies a filter within a dashboard,
 * analysis, or template"; FilterGroupId "uniquely identifies a FilterGroup within a dashboard,
 * template, or analysis"; SheetId "the unique identifier of a sheet". Field ids across visuals: the
 * console exports of issue 14. The error type QuickSight gives a duplicate is not documented (we say
 * PARAMETER_VALUE_INCOMPATIBLE); the wording is ours.
 */
export const uniqueIds: DefinitionRule = {
  name: 'unique-id',
  check({ index }) {
    const byVisual = new Map<string, IdUse[]>();
    for (const field of index.fields) byVisual.set(field.visualId ?? '', [...(byVisual.get(field.visualId ?? '') ?? []), field]);
    return [
      ...duplicates(index, index.sheets, 'Sheet id', this.name),
      ...duplicates(index, index.visuals, 'Visual id', this.name),
      ...[...byVisual].flatMap(([visualId, fields]) => duplicates(index, fields, 'Field id', this.name, visualId ? ` in visual '${visualId}'` : '')),
      ...duplicates(index, index.filters, 'Filter id', this.name),
      ...duplicates(index, index.filterGroups, 'Filter group id', this.name),
      ...duplicates(index, index.controls, 'Control id', this.name),
      ...duplicates(index, index.parameters, 'Parameter name', this.name),
    ];
  },
};

function duplicates(index: DefinitionIndex, uses: readonly IdUse[], what: string, rule: string, where = ''): Violation[] {
  const seen = new Set<string>();
  return uses.flatMap((use) => {
    if (!seen.has(use.id)) {
      seen.add(use.id);
      return [];
    }
    return [violation(index, rule, 'PARAMETER_VALUE_INCOMPATIBLE', use.path, `${what} '${use.id}' is used more than once${where}.`)];
  });
}
