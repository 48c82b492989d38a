import type { Finding } from '../finding.ts';
import type { ControlSpec, FilterSpec, ParameterSpec } from '../model/index.ts';
import { didYouMean } from '../suggest.ts';
import { boardControls } from './board-parts.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** Each control binds exactly one existing parameter or filter, of a kind the control can drive. */
export const controlBindings: Rule = {
  name: 'control-bindings',
  check({ boards }) {
    return boards.flatMap((located) => {
      const board = located.spec;
      const filters = board.filters ?? [];
      const parameters = board.parameters ?? [];
      return boardControls(board).flatMap(({ control, path }): Finding[] => {
        const at = (key: string[], message: string) => findingAt(located, [...path, ...key], this.name, `control '${control.title}': ${message}`);
        if ((control.parameter === undefined) === (control.filter === undefined)) {
          return [at([], 'binds to a parameter or a filter: give exactly one of `parameter` and `filter`')];
        }
        if (control.values !== undefined && control.type !== 'dropdown') {
          return [at(['values'], `values are for dropdown controls, not ${control.type}`)];
        }
        if (control.filter !== undefined) {
          const filter = filters.find((f) => f.id === control.filter);
          if (!filter) return [at(['filter'], `no filter '${control.filter}'${didYouMean(control.filter, filters.map((f) => f.id))}`)];
          const problem = filterFits(control, filter);
          return problem ? [at(['filter'], problem)] : [];
        }
        const parameter = parameters.find((p) => p.name === control.parameter);
        if (!parameter) return [at(['parameter'], `no parameter '${control.parameter}'${didYouMean(control.parameter!, parameters.map((p) => p.name))}`)];
        const problem = parameterFits(control, parameter);
        return problem ? [at(['parameter'], problem)] : [];
      });
    });
  },
};

function filterFits(control: ControlSpec, filter: FilterSpec): string | undefined {
  const wants: Record<ControlSpec['type'], (keyof FilterSpec)[]> = {
    'date-range': ['timeRange'],
    date: ['timeRange'],
    dropdown: ['equals'],
    text: ['equals'],
    slider: ['between'],
  };
  const fits = wants[control.type].some((key) => filter[key] !== undefined);
  return fits ? undefined : `a ${control.type} control drives a filter with ${wants[control.type].join(' or ')}; filter '${filter.id}' has none`;
}

function parameterFits(control: ControlSpec, parameter: ParameterSpec): string | undefined {
  if (control.type === 'date-range') return 'a date-range control drives a timeRange filter, not a parameter';
  if (control.type === 'date' && parameter.type !== 'datetime') return `a date control needs a datetime parameter; '${parameter.name}' is ${parameter.type}`;
  if (control.type === 'slider' && parameter.type !== 'integer' && parameter.type !== 'decimal') {
    return `a slider needs an integer or decimal parameter; '${parameter.name}' is ${parameter.type}`;
  }
  return undefined;
}
