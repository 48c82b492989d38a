import type { DefinitionIndex, IdUse } from './definition-index.ts';
import type { DefinitionProblem } from './problem.ts';
import { pathText } from './walk.ts';

/** Sheet, visual, field, filter, filter group, control and parameter ids are each unique in a definition. */
export function checkUniqueIds(index: DefinitionIndex): DefinitionProblem[] {
  return [
    ...duplicates(index.sheets, 'sheet id'),
    ...duplicates(index.visuals, 'visual id'),
    ...duplicates(index.fields, 'field id'),
    ...duplicates(index.filters, 'filter id'),
    ...duplicates(index.filterGroups, 'filter group id'),
    ...duplicates(index.controls, 'control id'),
    ...duplicates(index.parameters, 'parameter name'),
    ...duplicates(index.declared, 'dataset identifier'),
  ];
}

function duplicates(uses: readonly IdUse[], what: string): DefinitionProblem[] {
  const first = new Map<string, IdUse>();
  const problems: DefinitionProblem[] = [];
  for (const use of uses) {
    const earlier = first.get(use.id);
    if (earlier) {
      problems.push({ path: pathText(use.path), rule: 'unique-id', message: `${what} "${use.id}" is already used at ${pathText(earlier.path)}` });
    } else first.set(use.id, use);
  }
  return problems;
}
