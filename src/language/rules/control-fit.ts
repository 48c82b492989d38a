import { filterKind, type FilterKind } from '../filter-kind.ts';
import type { ControlSpec, FilterSpec, ParameterSpec } from '../schema/index.ts';
import { sliderBounds } from '../slider-bounds.ts';
import { withArticle } from '../words.ts';
import type { OutputColumn } from '../dataset-columns.ts';

/** The filters each control type can drive, as compile builds them. */
const DRIVES: Readonly<Record<ControlSpec['type'], readonly FilterKind[]>> = {
  dropdown: ['category-list'],
  text: ['category-list'],
  'date-range': ['time-range', 'relative-dates'],
  date: ['time-range'],
  slider: ['numeric-range'],
};

const WANTS: Readonly<Record<ControlSpec['type'], string>> = {
  dropdown: 'an `equals` list on a string column',
  text: 'an `equals` list on a string column',
  'date-range': '`timeRange` or a last period (`lastDays`, `lastHours`, …)',
  date: '`timeRange`',
  slider: '`between`',
};

const HAS: Readonly<Record<FilterKind, string>> = {
  'category-list': 'an `equals` list',
  'category-exclude': '`notEquals`',
  'category-parameter': '`equals` a parameter',
  'numeric-equality': '`equals`/`notEquals` on a number column',
  'numeric-range': '`between`',
  'time-equality': '`equals` a parameter',
  'time-range': '`timeRange`',
  'relative-dates': 'a last period (`lastDays`, `lastHours`, …)',
};

/** Why a control cannot drive a filter (over `column`), or undefined when it can. Unknown columns are other rules' findings. */
export function filterMisfit(control: ControlSpec, filter: FilterSpec, column: OutputColumn | undefined): string | undefined {
  if (!column) return undefined;
  const fit = filterKind(filter, column.type);
  if (!('kind' in fit)) return undefined;
  const kind = fit.kind;
  const followed = filter.equals !== undefined && !Array.isArray(filter.equals) ? filter.equals.parameter : undefined;
  if (!DRIVES[control.type].includes(kind)) {
    if (followed !== undefined && (control.type === 'dropdown' || control.type === 'text')) {
      return `filter '${filter.id}' equals parameter '${followed}': bind the control to parameter '${followed}' instead (\`parameter: ${followed}\`)`;
    }
    return `a ${control.type} control drives a filter with ${WANTS[control.type]}; filter '${filter.id}' has ${HAS[kind]}`;
  }
  if (control.type === 'dropdown' && control.values !== undefined && !Array.isArray(control.values) && control.values.column !== filter.column) {
    return `a filter's dropdown lists the values of the filter's own column '${filter.column}', not '${control.values.column}'`;
  }
  if (control.type === 'slider') return boundsMisfit(control, filter);
  return undefined;
}

/** Why a control cannot set a parameter, or undefined when it can. */
export function parameterMisfit(control: ControlSpec, parameter: ParameterSpec): string | undefined {
  switch (control.type) {
    case 'date-range':
      return 'a date-range control drives a filter with `timeRange` or a last period (`lastDays`, `lastHours`, …), not a parameter (a `date` control sets one datetime parameter)';
    case 'date':
      return parameter.type === 'datetime' ? undefined : `a date control needs a datetime parameter; '${parameter.name}' is ${withArticle(parameter.type)}`;
    case 'slider':
      if (parameter.type !== 'integer' && parameter.type !== 'decimal')
        return `a slider needs an integer or decimal parameter; '${parameter.name}' is ${withArticle(parameter.type)}`;
      return boundsMisfit(control);
    default:
      return undefined;
  }
}

function boundsMisfit(control: ControlSpec, filter?: FilterSpec): string | undefined {
  const { min, max } = sliderBounds(control, filter);
  if (min === undefined || max === undefined) {
    const from = filter ? `, or the filter numeric \`between\` min and max` : '';
    return `a slider needs its range: give the control \`min\` and \`max\`${from}`;
  }
  return min < max ? undefined : `a slider's min (${min}) must be below its max (${max})`;
}
