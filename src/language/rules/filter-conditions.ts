import { readRollingDate } from '../../quicksight/index.ts';
import type { Finding } from '../finding.ts';
import { FILTER_CONDITIONS, filterKind, presentConditions, type FilterKind } from '../filter-kind.ts';
import type { FilterSpec, ParameterSpec } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import { withArticle } from '../words.ts';
import { columnsFor } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** The parameter types each place a filter names a parameter accepts. */
const PARAMETER_TYPES: Readonly<Record<'equals' | 'between' | 'timeRange', Partial<Record<FilterKind, readonly ParameterSpec['type'][]>>>> = {
  equals: { 'category-parameter': ['string'], 'numeric-equality': ['integer', 'decimal'], 'time-equality': ['datetime'] },
  between: { 'numeric-range': ['integer', 'decimal'] },
  timeRange: { 'time-range': ['datetime'] },
};

/**
 * Each filter has exactly one condition, which fits its column's type (src/language/filter-kind.ts, the
 * same decision compile makes), and names parameters that exist and have a fitting type; a time
 * range's rolling dates are dates QuickSight works out from now (src/quicksight/expression/rolling-date.ts).
 */
export const filterConditions: Rule = {
  name: 'filter-conditions',
  check(context) {
    return context.boards.flatMap((located) => {
      const board = located.spec;
      const parameters = board.parameters ?? [];
      return (board.filters ?? []).flatMap((filter, i): Finding[] => {
        const at = (path: (string | number)[], message: string, atKey = false) =>
          findingAt(located, ['filters', i, ...path], this.name, `filter '${filter.id}': ${message}`, { atKey });
        const findings: Finding[] = [];
        const present = presentConditions(filter);
        if (present.length !== 1) {
          const found = present.length === 0 ? 'none' : present.join(' and ');
          findings.push(
            at(present.length > 1 ? [present[1] as string] : [], `needs exactly one of ${FILTER_CONDITIONS.join(', ')}; found ${found}`, present.length > 1),
          );
        }
        const columns = columnsFor(context, board, filter.dataset)?.columns;
        const column = columns?.get(filter.column);
        const fit = present.length === 1 && column ? filterKind(filter, column.type) : undefined;
        if (fit && !('kind' in fit)) findings.push(at(fit.at === 'column' ? ['column'] : [present[0] as string], fit.problem));
        const refs = parameterRefs(filter);
        for (const { path, rolling } of rollingDates(filter)) {
          const read = readRollingDate(rolling);
          if ('problem' in read) findings.push(at(path, `the rolling date ${read.problem}`));
          else refs.push(...read.parameters.map((name) => ({ path, name, place: 'timeRange' as const })));
        }
        for (const { path, name, place } of refs) {
          const parameter = parameters.find((p) => p.name === name);
          if (!parameter) {
            const names = parameters.map((p) => p.name);
            findings.push(at(path, `no parameter '${name}' in this ${board.kind.toLowerCase()}${didYouMean(name, names)}`));
            continue;
          }
          const wanted = fit && 'kind' in fit ? PARAMETER_TYPES[place][fit.kind] : undefined;
          if (wanted && !wanted.includes(parameter.type)) {
            const what = `${withArticle(wanted.join(' or '))} parameter`;
            findings.push(at(path, `${place} on '${filter.column}' needs ${what}; '${name}' is ${withArticle(parameter.type)}`));
          }
        }
        return findings;
      });
    });
  },
};

type ParameterRef = { path: (string | number)[]; name: string; place: keyof typeof PARAMETER_TYPES };

/** The parameters a filter names as a value or a bound, each with the path of its `parameter` key. */
function parameterRefs(filter: FilterSpec): ParameterRef[] {
  const refs = [
    { path: ['equals'], value: filter.equals, place: 'equals' as const },
    { path: ['between', 'min'], value: filter.between?.min, place: 'between' as const },
    { path: ['between', 'max'], value: filter.between?.max, place: 'between' as const },
    { path: ['timeRange', 'from'], value: filter.timeRange?.from, place: 'timeRange' as const },
    { path: ['timeRange', 'to'], value: filter.timeRange?.to, place: 'timeRange' as const },
  ];
  return refs.flatMap(({ path, value, place }) => {
    const name = (value as { parameter?: string } | undefined)?.parameter;
    return name === undefined ? [] : [{ path: [...path, 'parameter'], name, place }];
  });
}

/** A time range's rolling dates, each with the path of its `rolling` key. */
function rollingDates(filter: FilterSpec): { path: (string | number)[]; rolling: string }[] {
  return (['from', 'to'] as const).flatMap((side) => {
    const bound = filter.timeRange?.[side];
    return typeof bound === 'object' && 'rolling' in bound ? [{ path: ['timeRange', side, 'rolling'], rolling: bound.rolling }] : [];
  });
}
