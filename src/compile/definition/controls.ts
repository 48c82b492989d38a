import type { FilterControl, ParameterControl } from '@aws-sdk/client-quicksight';
import type { ControlSpec, ParameterSpec, SheetSpec } from '../../language/schema/index.ts';
import { sliderBounds } from '../../language/slider-bounds.ts';
import type { BoardContext, JsonPath } from './context.ts';
import { columnIdentifier } from './fields.ts';
import type { CompiledFilter } from './filters.ts';

/** The controls of one sheet, bound to parameters or to filters. */
export function sheetControls(
  ctx: BoardContext,
  sheet: SheetSpec,
  sheetPath: JsonPath,
  filters: ReadonlyMap<string, CompiledFilter>,
): { ParameterControls: ParameterControl[]; FilterControls: FilterControl[] } {
  const ParameterControls: ParameterControl[] = [];
  const FilterControls: FilterControl[] = [];
  (sheet.controls ?? []).forEach((control, i) => {
    const path = [...sheetPath, 'controls', i];
    if ((control.parameter === undefined) === (control.filter === undefined)) {
      ctx.report(path, 'a control is bound to exactly one of `parameter` or `filter`');
    } else if (control.parameter !== undefined) {
      const parameter = ctx.spec.parameters?.find((p) => p.name === control.parameter);
      if (!parameter) ctx.report([...path, 'parameter'], `no parameter "${control.parameter}"`);
      const built = parameter && parameterControl(ctx, control, parameter, `${sheet.id}-parameter-${parameter.name}-${control.type}`, path);
      if (built) ParameterControls.push(built);
    } else {
      const filter = filters.get(control.filter!);
      if (!filter) ctx.report([...path, 'filter'], `no filter "${control.filter}"`);
      const built = filter && filterControl(ctx, control, filter, `${sheet.id}-filter-${filter.spec.id}-${control.type}`, path);
      if (built) FilterControls.push(built);
    }
  });
  return { ParameterControls, FilterControls };
}

function parameterControl(ctx: BoardContext, control: ControlSpec, parameter: ParameterSpec, id: string, path: JsonPath): ParameterControl | undefined {
  const base = { ParameterControlId: id, Title: control.title, SourceParameterName: parameter.name };
  switch (control.type) {
    case 'dropdown': {
      const values = control.values;
      let SelectableValues;
      if (Array.isArray(values)) SelectableValues = { Values: values.map(String) };
      else if (values) {
        const dataset = ctx.dataset(values.dataset, [...path, 'values']);
        if (dataset) ctx.column(dataset, values.column, [...path, 'values', 'column']);
        if (dataset) SelectableValues = { LinkToDataSetColumn: columnIdentifier(dataset, values.column) };
      }
      return { Dropdown: { ...base, Type: parameter.multiValue ? 'MULTI_SELECT' : 'SINGLE_SELECT', ...(SelectableValues ? { SelectableValues } : {}) } };
    }
    case 'text':
      return { TextField: base };
    case 'date':
      if (parameter.type !== 'datetime') break;
      return { DateTimePicker: base };
    case 'date-range':
      ctx.report([...path, 'type'], 'a parameter holds one value: bind a date-range control to a timeRange or lastDays filter, or use `date`');
      return undefined;
    case 'slider': {
      if (parameter.type !== 'integer' && parameter.type !== 'decimal') break;
      const { min, max, step } = sliderBounds(control);
      if (min === undefined || max === undefined) {
        ctx.report([...path, 'type'], 'a slider on a parameter needs its range: give the control `min` and `max`');
        return undefined;
      }
      return { Slider: { ...base, MinimumValue: min, MaximumValue: max, StepSize: step } };
    }
  }
  ctx.report([...path, 'type'], `a ${control.type} control does not fit the ${parameter.type} parameter ${parameter.name}`);
  return undefined;
}

function filterControl(ctx: BoardContext, control: ControlSpec, filter: CompiledFilter, id: string, path: JsonPath): FilterControl | undefined {
  const base = { FilterControlId: id, Title: control.title, SourceFilterId: filter.spec.id };
  const category = filter.kind === 'category-list';
  switch (control.type) {
    case 'dropdown':
      if (!category) break;
      if (control.values && !Array.isArray(control.values) && control.values.column !== filter.spec.column) {
        ctx.report([...path, 'values'], `a filter's dropdown lists the values of its own column (${filter.spec.column})`);
      }
      return {
        Dropdown: { ...base, Type: 'MULTI_SELECT', ...(Array.isArray(control.values) ? { SelectableValues: { Values: control.values.map(String) } } : {}) },
      };
    case 'text':
      if (!category) break;
      return { TextField: base };
    case 'date-range':
      if (filter.kind === 'time-range') return { DateTimePicker: { ...base, Type: 'DATE_RANGE' } };
      if (filter.kind === 'relative-dates') return { RelativeDateTime: base };
      break;
    case 'slider': {
      const { min, max, step } = sliderBounds(control, filter.spec);
      if (filter.kind !== 'numeric-range' || min === undefined || max === undefined) {
        ctx.report([...path, 'type'], 'a slider needs a filter with `between` numeric min and max (its bounds)');
        return undefined;
      }
      return { Slider: { ...base, Type: 'RANGE', MinimumValue: min, MaximumValue: max, StepSize: step } };
    }
    case 'date':
      if (filter.kind === 'time-range') return { DateTimePicker: { ...base, Type: 'SINGLE_VALUED' } };
      break;
  }
  ctx.report([...path, 'type'], `a ${control.type} control does not fit the filter ${filter.spec.id} (${filter.kind.replace('-', ' ')} on ${filter.spec.column})`);
  return undefined;
}
