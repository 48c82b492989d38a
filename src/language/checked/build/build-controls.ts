import { coversSeveralSheets } from '../../filter-sheets.ts';
import type { ControlSpec, FilterSpec, ParameterSpec } from '../../schema/index.ts';
import { sliderBounds } from '../../slider-bounds.ts';
import type { CheckedControl, FilterWidget, ParameterWidget, SliderRange } from '../controls.ts';
import type { CheckedFilter } from '../filters.ts';
import { controlId } from '../ids.ts';
import type { BoardScope } from './board-scope.ts';
import { GateBug, must } from './gate-bug.ts';

/** A control with its QuickSight id and the widget it is on its parameter or filter. */
export function checkedControl(scope: BoardScope, control: ControlSpec, sheetId: string, filters: readonly CheckedFilter[]): CheckedControl {
  const bug = (what: string) => new GateBug(`control '${control.title}' on sheet ${sheetId}: ${what}`);
  if (control.filter !== undefined) {
    const filter = must(
      filters.find((f) => f.id === control.filter),
      `control '${control.title}': filter ${control.filter}`,
    );
    const id = controlId(sheetId, { filter: filter.id }, control.type);
    const spec = must(
      scope.spec.filters?.find((f) => f.id === filter.id),
      `control '${control.title}': the spec of filter ${filter.id}`,
    );
    const crossSheet = coversSeveralSheets(scope.spec.sheets, spec);
    return { id, title: control.title, filter: filter.id, widget: filterWidget(control, filter, spec, bug), crossSheet };
  }
  const parameter = must(
    scope.spec.parameters?.find((p) => p.name === control.parameter),
    `control '${control.title}': its parameter`,
  );
  const id = controlId(sheetId, { parameter: parameter.name }, control.type);
  return { id, title: control.title, parameter: parameter.name, widget: parameterWidget(scope, control, parameter, bug) };
}

function parameterWidget(scope: BoardScope, control: ControlSpec, parameter: ParameterSpec, bug: (what: string) => GateBug): ParameterWidget {
  switch (control.type) {
    case 'dropdown': {
      const values = control.values;
      const listed = Array.isArray(values) ? { values: { list: values.map(String) } } : undefined;
      const linked =
        values && !Array.isArray(values) ? { values: { column: { dataset: scope.dataset(values.dataset).alias, column: values.column } } } : undefined;
      return { type: 'dropdown', multiValue: !!parameter.multiValue, ...(listed ?? linked ?? {}) };
    }
    case 'text':
      return { type: 'text' };
    case 'date':
      if (parameter.type !== 'datetime') throw bug(`a date control on the ${parameter.type} parameter ${parameter.name}`);
      return { type: 'date' };
    case 'slider':
      if (parameter.type !== 'integer' && parameter.type !== 'decimal') throw bug(`a slider on the ${parameter.type} parameter ${parameter.name}`);
      return { type: 'slider', ...range(control, undefined, bug) };
    case 'date-range':
      throw bug('a date-range control on a parameter');
  }
}

function filterWidget(control: ControlSpec, filter: CheckedFilter, spec: FilterSpec, bug: (what: string) => GateBug): FilterWidget {
  const kind = filter.kind;
  switch (control.type) {
    case 'dropdown':
      if (kind !== 'category-list') break;
      return { type: 'dropdown', ...(Array.isArray(control.values) ? { values: control.values.map(String) } : {}) };
    case 'text':
      if (kind !== 'category-list') break;
      return { type: 'text' };
    case 'date-range':
      if (kind === 'time-range') return { type: 'date-range' };
      if (kind === 'relative-dates') return { type: 'relative-dates' };
      break;
    case 'date':
      if (kind === 'time-range') return { type: 'date' };
      break;
    case 'slider':
      if (kind !== 'numeric-range') break;
      return { type: 'slider', ...range(control, spec, bug) };
  }
  throw bug(`a ${control.type} control on the ${kind} filter ${filter.id}`);
}

/** A slider's range: the control's, else (on a filter) the filter's numeric `between` bounds. */
function range(control: ControlSpec, filter: FilterSpec | undefined, bug: (what: string) => GateBug): SliderRange {
  const { min, max, step } = sliderBounds(control, filter);
  if (min === undefined || max === undefined) throw bug('a slider without its range');
  return { min, max, step };
}
