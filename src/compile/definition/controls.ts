import type { FilterControl, ParameterControl } from '@aws-sdk/client-quicksight';
import type { CheckedControl, FilterWidget, ParameterWidget } from '../../language/index.ts';
import { columnIdentifier } from './fields.ts';

/** The controls of one sheet: on parameters, and on filters. */
export function sheetControls(controls: readonly CheckedControl[]): { ParameterControls: ParameterControl[]; FilterControls: FilterControl[] } {
  const ParameterControls: ParameterControl[] = [];
  const FilterControls: FilterControl[] = [];
  for (const control of controls) {
    if ('parameter' in control) ParameterControls.push(parameterControl({ ParameterControlId: control.id, Title: control.title, SourceParameterName: control.parameter }, control.widget));
    else FilterControls.push(filterControl({ FilterControlId: control.id, Title: control.title, SourceFilterId: control.filter }, control.widget));
  }
  return { ParameterControls, FilterControls };
}

function parameterControl(base: { ParameterControlId: string; Title: string; SourceParameterName: string }, widget: ParameterWidget): ParameterControl {
  switch (widget.type) {
    case 'dropdown': {
      const values = widget.values;
      const SelectableValues = values && ('list' in values ? { Values: [...values.list] } : { LinkToDataSetColumn: columnIdentifier(values.column.dataset, values.column.column) });
      return { Dropdown: { ...base, Type: widget.multiValue ? 'MULTI_SELECT' : 'SINGLE_SELECT', ...(SelectableValues ? { SelectableValues } : {}) } };
    }
    case 'text':
      return { TextField: base };
    case 'date':
      return { DateTimePicker: base };
    case 'slider':
      return { Slider: { ...base, MinimumValue: widget.min, MaximumValue: widget.max, StepSize: widget.step } };
  }
}

function filterControl(base: { FilterControlId: string; Title: string; SourceFilterId: string }, widget: FilterWidget): FilterControl {
  switch (widget.type) {
    case 'dropdown':
      return { Dropdown: { ...base, Type: 'MULTI_SELECT', ...(widget.values ? { SelectableValues: { Values: [...widget.values] } } : {}) } };
    case 'text':
      return { TextField: base };
    case 'date-range':
      return { DateTimePicker: { ...base, Type: 'DATE_RANGE' } };
    case 'relative-dates':
      return { RelativeDateTime: base };
    case 'date':
      return { DateTimePicker: { ...base, Type: 'SINGLE_VALUED' } };
    case 'slider':
      return { Slider: { ...base, Type: 'RANGE', MinimumValue: widget.min, MaximumValue: widget.max, StepSize: widget.step } };
  }
}
