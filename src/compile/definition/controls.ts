import type { FilterControl, ParameterControl, SheetControlLayout } from '@aws-sdk/client-quicksight';
import type { CheckedControl, FilterWidget, ParameterWidget } from '../../language/index.ts';
import { columnIdentifier } from './fields.ts';
import { DROPDOWN_DISPLAY, RELATIVE_DATE_TIME_DISPLAY } from './filter-control-defaults.ts';

/**
 * The controls of one sheet: on parameters, and on filters — a filter on several sheets shown as a
 * cross-sheet control, its title and widget on the filter (filter-control-defaults.ts).
 */
export function sheetControls(controls: readonly CheckedControl[]): { ParameterControls: ParameterControl[]; FilterControls: FilterControl[] } {
  const ParameterControls: ParameterControl[] = [];
  const FilterControls: FilterControl[] = [];
  for (const control of controls) {
    if ('parameter' in control)
      ParameterControls.push(
        parameterControl({ ParameterControlId: control.id, Title: control.title, SourceParameterName: control.parameter }, control.widget),
      );
    else if (control.crossSheet) FilterControls.push({ CrossSheet: { FilterControlId: control.id, SourceFilterId: control.filter } });
    else FilterControls.push(filterControl({ FilterControlId: control.id, Title: control.title, SourceFilterId: control.filter }, control.widget));
  }
  return { ParameterControls, FilterControls };
}

/**
 * Where a sheet's controls sit: its control layout, each control two columns wide and one row high,
 * in the spec's order — as the console places them (test/quicksight/corpus: all 27 sheets with controls
 * have a SheetControlLayouts grid of their FILTER_CONTROL and PARAMETER_CONTROL elements; 79 of 102
 * elements are 2 columns by 1 row, the rest 3 by 1).
 */
export function sheetControlLayout(controls: readonly CheckedControl[]): SheetControlLayout {
  const Elements = controls.map((control) => ({
    ElementId: control.id,
    ElementType: 'parameter' in control ? ('PARAMETER_CONTROL' as const) : ('FILTER_CONTROL' as const),
    ColumnSpan: 2,
    RowSpan: 1,
  }));
  return { Configuration: { GridLayout: { Elements } } };
}

// Display options as the console writes them where the corpus shows them: a dropdown's (2 of 2 on one
// sheet), a relative-date control's (3 of 3); date-time pickers on one sheet carry none (6 of 6). It
// has no text field, slider or parameter control on one sheet: those are written without.
function parameterControl(base: { ParameterControlId: string; Title: string; SourceParameterName: string }, widget: ParameterWidget): ParameterControl {
  switch (widget.type) {
    case 'dropdown': {
      const values = widget.values;
      const SelectableValues =
        values && ('list' in values ? { Values: [...values.list] } : { LinkToDataSetColumn: columnIdentifier(values.column.dataset, values.column.column) });
      return {
        Dropdown: {
          ...base,
          Type: widget.multiValue ? 'MULTI_SELECT' : 'SINGLE_SELECT',
          DisplayOptions: DROPDOWN_DISPLAY,
          ...(SelectableValues ? { SelectableValues } : {}),
        },
      };
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
      return {
        Dropdown: {
          ...base,
          Type: 'MULTI_SELECT',
          DisplayOptions: DROPDOWN_DISPLAY,
          ...(widget.values ? { SelectableValues: { Values: [...widget.values] } } : {}),
        },
      };
    case 'text':
      return { TextField: base };
    case 'date-range':
      return { DateTimePicker: { ...base, Type: 'DATE_RANGE' } };
    case 'relative-dates':
      return { RelativeDateTime: { ...base, DisplayOptions: RELATIVE_DATE_TIME_DISPLAY } };
    case 'date':
      return { DateTimePicker: { ...base, Type: 'SINGLE_VALUED' } };
    case 'slider':
      return { Slider: { ...base, Type: 'RANGE', MinimumValue: widget.min, MaximumValue: widget.max, StepSize: widget.step } };
  }
}
