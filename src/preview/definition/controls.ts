import type { Filter, FilterControl, ParameterControl, ParameterDeclaration } from '@aws-sdk/client-quicksight';
import { evaluateRollingDate } from './rolling-dates.ts';
import type { ColumnRef, ControlKind, ControlModel, ParameterModel, RelativeDateSetting, Scalar } from '../dashboard-model.ts';

export function readParameters(declarations: readonly ParameterDeclaration[], now: Date): ParameterModel[] {
  const parameters: ParameterModel[] = [];
  for (const declaration of declarations) {
    const text = declaration.StringParameterDeclaration;
    const integer = declaration.IntegerParameterDeclaration;
    const decimal = declaration.DecimalParameterDeclaration;
    const time = declaration.DateTimeParameterDeclaration;
    if (text) parameters.push(parameter(text.Name!, 'string', text.ParameterValueType, text.DefaultValues?.StaticValues ?? []));
    else if (integer) parameters.push(parameter(integer.Name!, 'integer', integer.ParameterValueType, integer.DefaultValues?.StaticValues ?? []));
    else if (decimal) parameters.push(parameter(decimal.Name!, 'decimal', decimal.ParameterValueType, decimal.DefaultValues?.StaticValues ?? []));
    else if (time) {
      // A rolling default (an expression over now()) is worked out as of now, like a rolling filter bound.
      const rolling = time.DefaultValues?.RollingDate?.Expression;
      const dates = rolling === undefined ? (time.DefaultValues?.StaticValues ?? []) : rollingDefault(rolling, now);
      const values = dates.map((d) => d.toISOString().replace('T', ' ').replace('Z', ''));
      parameters.push(parameter(time.Name!, 'datetime', 'SINGLE_VALUED', values));
    }
  }
  return parameters;
}

function rollingDefault(expression: string, now: Date): Date[] {
  try {
    return [evaluateRollingDate(expression, { now, parameters: new Map() })];
  } catch {
    return [];
  }
}

function parameter(name: string, type: ParameterModel['type'], valueType: string | undefined, defaults: readonly Scalar[]): ParameterModel {
  return { name, type, multiValue: valueType === 'MULTI_VALUED', defaults: [...defaults] };
}

export function readParameterControl(control: ParameterControl, sheetId: string): ControlModel | undefined {
  const dropdown = control.Dropdown ?? control.List;
  if (dropdown) {
    return {
      id: dropdown.ParameterControlId!,
      sheetId,
      title: dropdown.Title ?? dropdown.SourceParameterName!,
      kind: 'dropdown',
      multi: dropdown.Type === 'MULTI_SELECT',
      target: { parameter: dropdown.SourceParameterName! },
      ...selectable(dropdown.SelectableValues),
    };
  }
  const simple: [ControlKind, { ParameterControlId?: string; Title?: string; SourceParameterName?: string } | undefined][] = [
    ['text', control.TextField ?? control.TextArea],
    ['date', control.DateTimePicker],
    ['slider', control.Slider],
  ];
  for (const [kind, body] of simple) {
    if (body)
      return {
        id: body.ParameterControlId!,
        sheetId,
        title: body.Title ?? body.SourceParameterName!,
        kind,
        multi: false,
        target: { parameter: body.SourceParameterName! },
      };
  }
  return undefined;
}

/** What a filter control needs of the rest of the definition: the filters, and each filter's own (not cross-sheet) control. */
export interface FilterControlContext {
  readonly filters: ReadonlyMap<string, Filter>;
  readonly controls: ReadonlyMap<string, FilterControl>;
}

export function readFilterControl(control: FilterControl, sheetId: string, context: FilterControlContext): ControlModel | undefined {
  const cross = control.CrossSheet;
  if (cross?.SourceFilterId) {
    const widget = crossSheetWidget(cross.FilterControlId!, cross.SourceFilterId, context);
    const read = widget && !widget.CrossSheet ? readFilterControl(widget, sheetId, context) : undefined;
    return read ? { ...read, crossSheet: true } : undefined;
  }
  const dropdown = control.Dropdown ?? control.List;
  if (dropdown) {
    return {
      id: dropdown.FilterControlId!,
      sheetId,
      title: dropdown.Title ?? dropdown.SourceFilterId!,
      kind: 'dropdown',
      multi: dropdown.Type !== 'SINGLE_SELECT',
      target: { filter: dropdown.SourceFilterId! },
      ...selectable(dropdown.SelectableValues),
    };
  }
  const picker = control.DateTimePicker;
  if (picker) {
    return {
      id: picker.FilterControlId!,
      sheetId,
      title: picker.Title ?? picker.SourceFilterId!,
      kind: picker.Type === 'DATE_RANGE' ? 'date-range' : 'date',
      multi: false,
      target: { filter: picker.SourceFilterId! },
    };
  }
  const relative = control.RelativeDateTime;
  if (relative) {
    const filter = context.filters.get(relative.SourceFilterId!)?.RelativeDatesFilter;
    if (!filter) return undefined;
    const setting: RelativeDateSetting = {
      type: (filter.RelativeDateType ?? 'LAST') as RelativeDateSetting['type'],
      granularity: (filter.TimeGranularity ?? 'DAY') as RelativeDateSetting['granularity'],
      value: filter.RelativeDateValue ?? 1,
    };
    return {
      id: relative.FilterControlId!,
      sheetId,
      title: relative.Title ?? relative.SourceFilterId!,
      kind: 'relative-date',
      multi: false,
      target: { filter: relative.SourceFilterId! },
      relative: setting,
    };
  }
  const simple: [ControlKind, { FilterControlId?: string; Title?: string; SourceFilterId?: string } | undefined][] = [
    ['text', control.TextField ?? control.TextArea],
    ['slider', control.Slider],
  ];
  for (const [kind, body] of simple) {
    if (body)
      return { id: body.FilterControlId!, sheetId, title: body.Title ?? body.SourceFilterId!, kind, multi: false, target: { filter: body.SourceFilterId! } };
  }
  return undefined;
}

/**
 * The widget a cross-sheet control shows: the one its filter's DefaultFilterControlConfiguration
 * names, else the filter's own control on another sheet, else the one QuickSight gives the filter's
 * kind (a multi-select dropdown for a category filter, a date range picker for a time range, a
 * relative date control for relative dates, a text field for numbers). Its title: the default
 * configuration's, else the other control's.
 */
function crossSheetWidget(controlId: string, filterId: string, context: FilterControlContext): FilterControl | undefined {
  const filter = context.filters.get(filterId);
  if (!filter) return undefined;
  const body = Object.values(filter).find((b) => b !== undefined) as
    | { DefaultFilterControlConfiguration?: { Title?: string; ControlOptions?: Record<string, Record<string, unknown> | undefined> } }
    | undefined;
  const defaults = body?.DefaultFilterControlConfiguration;
  const own = context.controls.get(filterId);
  const ownBody = own ? (Object.values(own).find((b) => b !== undefined) as { Title?: string } | undefined) : undefined;
  const title = defaults?.Title ?? ownBody?.Title;
  const base = { FilterControlId: controlId, SourceFilterId: filterId, ...(title ? { Title: title } : {}) };
  const options = defaults?.ControlOptions ?? {};
  const fromDefaults: [string, string][] = [
    ['DefaultDropdownOptions', 'Dropdown'],
    ['DefaultListOptions', 'List'],
    ['DefaultTextFieldOptions', 'TextField'],
    ['DefaultTextAreaOptions', 'TextArea'],
    ['DefaultDateTimePickerOptions', 'DateTimePicker'],
    ['DefaultSliderOptions', 'Slider'],
    ['DefaultRelativeDateTimeOptions', 'RelativeDateTime'],
  ];
  for (const [option, widget] of fromDefaults) if (options[option]) return { [widget]: { ...options[option], ...base } } as FilterControl;
  if (own) {
    const [widget, ownWidget] = Object.entries(own).find(([, b]) => b !== undefined)!;
    return { [widget]: { ...ownWidget, ...base } } as FilterControl;
  }
  if (filter.CategoryFilter) return { Dropdown: { ...base, Type: 'MULTI_SELECT' } } as FilterControl;
  if (filter.TimeRangeFilter) return { DateTimePicker: { ...base, Type: 'DATE_RANGE' } } as FilterControl;
  if (filter.RelativeDatesFilter) return { RelativeDateTime: base } as FilterControl;
  return { TextField: base } as FilterControl;
}

/** The filter ids that some sheet control sets. */
export function controlledFilterIds(controls: readonly FilterControl[]): Set<string> {
  const ids = new Set<string>();
  for (const control of controls) {
    for (const body of Object.values(control)) {
      const id = (body as { SourceFilterId?: string } | undefined)?.SourceFilterId;
      if (id) ids.add(id);
    }
  }
  return ids;
}

function selectable(values: { Values?: string[]; LinkToDataSetColumn?: { DataSetIdentifier?: string; ColumnName?: string } } | undefined): {
  values?: Scalar[];
  valuesFrom?: ColumnRef;
} {
  const link = values?.LinkToDataSetColumn;
  if (link?.DataSetIdentifier && link.ColumnName) return { valuesFrom: { dataset: link.DataSetIdentifier, column: link.ColumnName } };
  if (values?.Values?.length) return { values: values.Values };
  return {};
}
