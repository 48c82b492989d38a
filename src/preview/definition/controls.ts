import type { FilterControl, ParameterControl, ParameterDeclaration } from '@aws-sdk/client-quicksight';
import { evaluateRollingDate } from './rolling-dates.ts';
import type { ColumnRef, ControlKind, ControlModel, ParameterModel, Scalar } from '../dashboard-model.ts';

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
    if (body) return { id: body.ParameterControlId!, sheetId, title: body.Title ?? body.SourceParameterName!, kind, multi: false, target: { parameter: body.SourceParameterName! } };
  }
  return undefined;
}

export function readFilterControl(control: FilterControl, sheetId: string): ControlModel | undefined {
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
    return { id: picker.FilterControlId!, sheetId, title: picker.Title ?? picker.SourceFilterId!, kind: picker.Type === 'DATE_RANGE' ? 'date-range' : 'date', multi: false, target: { filter: picker.SourceFilterId! } };
  }
  const simple: [ControlKind, { FilterControlId?: string; Title?: string; SourceFilterId?: string } | undefined][] = [
    ['text', control.TextField ?? control.TextArea],
    ['slider', control.Slider],
  ];
  for (const [kind, body] of simple) {
    if (body) return { id: body.FilterControlId!, sheetId, title: body.Title ?? body.SourceFilterId!, kind, multi: false, target: { filter: body.SourceFilterId! } };
  }
  return undefined;
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

function selectable(values: { Values?: string[]; LinkToDataSetColumn?: { DataSetIdentifier?: string; ColumnName?: string } } | undefined): { values?: Scalar[]; valuesFrom?: ColumnRef } {
  const link = values?.LinkToDataSetColumn;
  if (link?.DataSetIdentifier && link.ColumnName) return { valuesFrom: { dataset: link.DataSetIdentifier, column: link.ColumnName } };
  if (values?.Values?.length) return { values: values.Values };
  return {};
}
