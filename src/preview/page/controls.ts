import type { RelativeDatesFilter } from '@aws-sdk/client-quicksight';
import type { ControlModel, FilterModel, ParameterModel, RelativeDateSetting, Scalar } from '../dashboard-model.ts';
import { dateText, relativeRange, SUB_DAY, toWholeDays } from '../definition/rolling-dates.ts';
import type { FilterChoice } from './filter-eval.ts';
import { formatCell } from './format.ts';

/** How a control reports a change: a parameter's new values, or a filter's new choice. */
export interface ControlSink {
  setParameter(name: string, values: Scalar[]): void;
  setChoice(filterId: string, choice: FilterChoice): void;
}

export interface ControlContext {
  readonly parameters: readonly ParameterModel[];
  readonly filters: readonly FilterModel[];
  /** Choices read from the data, by control id. */
  readonly choices: Readonly<Record<string, readonly Scalar[]>>;
  readonly initialParameter: (name: string) => readonly Scalar[];
  /** The render's "now", which relative dates count from. */
  readonly now: Date;
}

/** One sheet control as a labelled form field; option texts go in as text. */
export function buildControl(control: ControlModel, context: ControlContext, sink: ControlSink): HTMLElement {
  const label = document.createElement('label');
  label.className = 'control';
  label.dataset.controlId = control.id;
  const title = document.createElement('span');
  title.textContent = control.title;
  label.append(title);
  const parameter = 'parameter' in control.target ? control.target.parameter : undefined;
  const filterId = 'filter' in control.target ? control.target.filter : undefined;
  const initial = parameter ? context.initialParameter(parameter).map(String) : initialFilterValues(context.filters.find((f) => f.id === filterId));
  const emit = (values: string[]) => {
    if (parameter)
      sink.setParameter(
        parameter,
        typed(
          values,
          context.parameters.find((p) => p.name === parameter),
        ),
      );
    else if (filterId) sink.setChoice(filterId, { values });
  };
  const options = control.values ?? context.choices[control.id];
  if (control.kind === 'dropdown' && options) {
    const select = document.createElement('select');
    select.multiple = control.multi;
    if (!control.multi) select.append(option('', 'All'));
    for (const value of options) select.append(option(String(value), formatCell(value)));
    for (const o of select.options) o.selected = initial.includes(o.value);
    select.addEventListener('change', () => emit([...select.selectedOptions].map((o) => o.value).filter((v) => v !== '')));
    label.append(select);
  } else if (control.kind === 'relative-date' && filterId && control.relative) {
    label.append(...relativeDateInputs(control.relative, context.now, (range) => sink.setChoice(filterId, { range })));
  } else if (control.kind === 'date-range' && filterId) {
    const from = dateInput();
    const to = dateInput();
    const onChange = () => sink.setChoice(filterId, { ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) });
    from.addEventListener('change', onChange);
    to.addEventListener('change', onChange);
    label.append(from, to);
  } else {
    const input = control.kind === 'date' ? dateInput() : document.createElement('input');
    if (control.kind === 'slider') input.type = 'number';
    else if (control.kind !== 'date') input.type = 'text';
    input.value = initial[0] ?? '';
    input.addEventListener('change', () => emit(input.value === '' ? [] : [input.value]));
    label.append(input);
  }
  return label;
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function dateInput(): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'date';
  return input;
}

function initialFilterValues(filter: FilterModel | undefined): string[] {
  const condition = filter?.condition;
  return condition?.kind === 'category' && condition.values ? condition.values.map(String) : [];
}

function typed(values: string[], parameter: ParameterModel | undefined): Scalar[] {
  if (parameter?.type === 'integer' || parameter?.type === 'decimal') return values.map(Number).filter(Number.isFinite);
  return values;
}

const RELATIVE_TYPES: [RelativeDateSetting['type'], string][] = [
  ['PREVIOUS', 'Previous'],
  ['THIS', 'This'],
  ['NOW', 'To date'],
  ['LAST', 'Last'],
  ['NEXT', 'Next'],
];
const GRANULARITIES: [RelativeDateSetting['granularity'], string][] = [
  ['YEAR', 'years'],
  ['QUARTER', 'quarters'],
  ['MONTH', 'months'],
  ['WEEK', 'weeks'],
  ['DAY', 'days'],
  ['HOUR', 'hours'],
  ['MINUTE', 'minutes'],
  ['SECOND', 'seconds'],
];

/**
 * A relative date control (QuickSight's RelativeDateTime): previous, this, to date, last N or next N
 * periods; each change works the range out from the render's now, as the filter's was.
 */
function relativeDateInputs(
  initial: RelativeDateSetting,
  now: Date,
  emit: (range: { min?: string; max?: string; maxIncluded: boolean }) => void,
): HTMLElement[] {
  const type = document.createElement('select');
  type.className = 'relative-type';
  for (const [value, text] of RELATIVE_TYPES) type.append(option(value, text));
  type.value = initial.type;
  const amount = document.createElement('input');
  amount.type = 'number';
  amount.min = '1';
  amount.className = 'relative-amount';
  amount.value = String(initial.value);
  const unit = document.createElement('select');
  unit.className = 'relative-unit';
  for (const [value, text] of GRANULARITIES) unit.append(option(value, text));
  unit.value = initial.granularity;
  const onChange = () => {
    amount.hidden = type.value === 'THIS' || type.value === 'NOW';
    const computed = relativeRange(
      {
        RelativeDateType: type.value as RelativeDateSetting['type'],
        TimeGranularity: unit.value as RelativeDateSetting['granularity'],
        RelativeDateValue: Math.max(1, Math.floor(Number(amount.value) || 1)),
        AnchorDateConfiguration: { AnchorOption: 'NOW' },
      } as RelativeDatesFilter,
      { now, parameters: new Map() },
    );
    // The page compares each row's day: finer periods are applied to whole days (said in the problems).
    const range = SUB_DAY.has(unit.value) ? toWholeDays(computed) : computed;
    emit({ ...(range.min ? { min: dateText(range.min) } : {}), ...(range.max ? { max: dateText(range.max) } : {}), maxIncluded: range.maxIncluded });
  };
  amount.hidden = initial.type === 'THIS' || initial.type === 'NOW';
  for (const input of [type, amount, unit]) input.addEventListener('change', onChange);
  const row = document.createElement('span');
  row.className = 'relative-date';
  row.append(type, amount, unit);
  return [row];
}
