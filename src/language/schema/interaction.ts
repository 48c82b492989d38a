import { Type, type Static } from '@sinclair/typebox';
import { ColumnName, LocalId, strict } from './common.ts';

const ParameterName = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,2047}$', description: 'Parameter name: letters and digits.' });
const DatasetAlias = Type.String({ pattern: '^[a-z0-9-]+$', description: 'Dataset alias (from `datasets`); default the only one.' });
const Scalar = Type.Union([Type.String(), Type.Number()]);

export const Parameter = strict(
  {
    name: ParameterName,
    type: Type.Union([Type.Literal('string'), Type.Literal('integer'), Type.Literal('decimal'), Type.Literal('datetime')], {
      description: 'Parameter type.',
    }),
    default: Type.Optional(Type.Union([Scalar, Type.Array(Scalar)], { description: 'Default value (a list for multi-value parameters).' })),
    multiValue: Type.Optional(Type.Boolean({ description: 'Accept several values (default false).' })),
  },
  'A dashboard parameter, set by a control.',
);
export type ParameterSpec = Static<typeof Parameter>;

const ParameterRef = strict({ parameter: ParameterName }, 'The value of a parameter.');

/**
 * A rolling date: QuickSight works it out each time the dashboard is opened (its expression language,
 * the `RollingDate` of a time range filter).
 */
const RollingDate = strict(
  {
    rolling: Type.String({
      minLength: 1,
      maxLength: 4096,
      description:
        "A date worked out when the dashboard is opened: now(), truncDate(unit, date), addDateTime(amount, unit, date) or a datetime ${parameter}, units YYYY, Q, MM, WK, DD, HH, MI, SS, MS; e.g. addDateTime(-7, 'DD', truncDate('DD', now())), the start of the day a week ago.",
    }),
  },
  'A rolling date.',
);

function TimeBound(description: string) {
  return Type.Union([Type.String({ format: 'date-time' }), ParameterRef, RollingDate], { description });
}

/** The last N periods of a unit, up to now, the current one included: a relative dates filter. */
function lastPeriods(unit: string) {
  return Type.Integer({
    minimum: 1,
    maximum: 3660,
    description: `Keep the last N ${unit}s up to now, this ${unit} included (a relative dates filter: the window moves with the time the dashboard is opened).`,
  });
}

export const Filter = strict(
  {
    id: LocalId,
    dataset: Type.Optional(DatasetAlias),
    column: ColumnName,
    equals: Type.Optional(
      Type.Union([Type.Array(Scalar, { minItems: 1 }), ParameterRef], { description: 'Keep rows whose column is one of these values, or equals a parameter.' }),
    ),
    notEquals: Type.Optional(Type.Array(Scalar, { minItems: 1, description: 'Drop rows whose column is one of these values.' })),
    between: Type.Optional(
      strict(
        {
          min: Type.Optional(Type.Union([Type.Number(), ParameterRef], { description: 'Lower bound (inclusive).' })),
          max: Type.Optional(Type.Union([Type.Number(), ParameterRef], { description: 'Upper bound (inclusive).' })),
        },
        'Numeric range.',
      ),
    ),
    timeRange: Type.Optional(
      Type.Object(
        { from: Type.Optional(TimeBound('Start (inclusive).')), to: Type.Optional(TimeBound('End (inclusive).')) },
        {
          additionalProperties: false,
          minProperties: 1,
          description: 'Date-time range with a start, an end or both: each fixed, a parameter, or a rolling date.',
        },
      ),
    ),
    lastMinutes: Type.Optional(lastPeriods('minute')),
    lastHours: Type.Optional(lastPeriods('hour')),
    lastDays: Type.Optional(lastPeriods('day')),
    lastWeeks: Type.Optional(lastPeriods('week')),
    lastMonths: Type.Optional(lastPeriods('month')),
    lastYears: Type.Optional(lastPeriods('year')),
    nullOption: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Literal('non-null'), Type.Literal('null')], {
        description: 'Which null values pass (default all for equals, non-null otherwise).',
      }),
    ),
    scope: Type.Optional(
      Type.Union(
        [
          Type.Literal('all', { description: 'Every visual using the dataset on every sheet.' }),
          strict({ sheets: Type.Array(LocalId, { minItems: 1, description: 'Sheet ids.' }) }, 'Every visual on these sheets.'),
          strict({ visuals: Type.Array(LocalId, { minItems: 1, description: 'Visual ids.' }) }, 'Only these visuals.'),
        ],
        { description: 'Where the filter applies (default all).' },
      ),
    ),
  },
  'A filter: exactly one of equals, notEquals, between, timeRange, or one of lastMinutes … lastYears.',
);
export type FilterSpec = Static<typeof Filter>;

export const Control = strict(
  {
    type: Type.Union([Type.Literal('dropdown'), Type.Literal('text'), Type.Literal('date-range'), Type.Literal('date'), Type.Literal('slider')], {
      description: 'Control widget.',
    }),
    parameter: Type.Optional(ParameterName),
    filter: Type.Optional(LocalId),
    title: Type.String({ minLength: 1, maxLength: 2048, description: 'Label of the control.' }),
    values: Type.Optional(
      Type.Union(
        [
          Type.Array(Scalar, { minItems: 1, description: 'Fixed list of values.' }),
          strict({ dataset: Type.Optional(DatasetAlias), column: ColumnName }, 'Values of a dataset column.'),
        ],
        { description: 'Dropdown values: a list, or linked to a dataset column.' },
      ),
    ),
    min: Type.Optional(Type.Number({ description: "Slider: lowest value (needed for a parameter; a filter's `between` min is the default)." })),
    max: Type.Optional(Type.Number({ description: "Slider: highest value (needed for a parameter; a filter's `between` max is the default)." })),
    step: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Slider: step between values (default 1).' })),
  },
  'A sheet control bound to a parameter or a filter (exactly one).',
);
export type ControlSpec = Static<typeof Control>;
