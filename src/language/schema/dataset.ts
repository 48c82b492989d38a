import { Type, type Static } from '@sinclair/typebox';
import { ColumnName, header, strict } from './common.ts';

export const DataType = Type.Union(
  [Type.Literal('string'), Type.Literal('integer'), Type.Literal('decimal'), Type.Literal('datetime'), Type.Literal('boolean')],
  {
    description:
      'Column type: string, integer, decimal, datetime or boolean (QuickSight makes a boolean an integer: 1 true, 0 false; filter it with equals: [1] or [0]).',
  },
);
export type DataType = Static<typeof DataType>;

export const DataSetColumn = strict(
  {
    name: ColumnName,
    expr: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Athena (Trino) SQL expression over the CloudTrail table columns. Default: the column of the same name.',
      }),
    ),
    type: Type.Optional(DataType),
    description: Type.Optional(Type.String({ maxLength: 500, description: 'Shown as the field description in QuickSight.' })),
  },
  'An output column of the dataset.',
);

export const CalculatedField = strict(
  {
    name: ColumnName,
    expression: Type.String({ minLength: 1, maxLength: 250000, description: 'QuickSight calculated-field expression; name columns as {column}.' }),
    type: Type.Optional(DataType),
  },
  'A QuickSight calculated field, evaluated by QuickSight on top of the dataset columns.',
);

export const TimeWindow = strict(
  {
    days: Type.Integer({
      minimum: 1,
      maximum: 3660,
      description: 'Keep the last N days; becomes a predicate on the timestamp partition, so Athena scans only those days.',
    }),
  },
  'The time window of the dataset.',
);

export const Refresh = strict(
  {
    interval: Type.Union([Type.Literal('HOURLY'), Type.Literal('DAILY'), Type.Literal('WEEKLY'), Type.Literal('MONTHLY')], {
      description: 'How often SPICE is refreshed.',
    }),
    timeOfDay: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time of day HH:MM (not for HOURLY).' })),
    timezone: Type.Optional(Type.String({ minLength: 1, description: 'IANA time zone of timeOfDay (default UTC).' })),
    dayOfWeek: Type.Optional(
      Type.Union(
        ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map((d) => Type.Literal(d)),
        {
          description: 'Day of week, for WEEKLY.',
        },
      ),
    ),
    dayOfMonth: Type.Optional(
      Type.String({
        pattern: '^([1-9]|1[0-9]|2[0-8]|LAST_DAY_OF_MONTH)$',
        description: 'Day of month, for MONTHLY: 1 to 28 or LAST_DAY_OF_MONTH (QuickSight refreshes on no other day).',
      }),
    ),
  },
  'SPICE refresh schedule.',
);

export const ImportMode = Type.Union(
  [
    strict({ mode: Type.Literal('DIRECT_QUERY', { description: 'Query Athena on every view.' }) }, 'Direct query (default).'),
    strict(
      {
        mode: Type.Literal('SPICE', { description: 'Import into SPICE and refresh on a schedule.' }),
        refresh: Type.Optional(Refresh),
      },
      'SPICE import.',
    ),
  ],
  { description: 'How QuickSight reads the data: DIRECT_QUERY (default) or SPICE with a refresh schedule.' },
);

export const DataSetSpec = strict(
  {
    ...header('DataSet', 'a QuickSight dataset over the CloudTrail table'),
    columns: Type.Array(DataSetColumn, { minItems: 1, description: 'Output columns. With `sql`, these declare its output (name and type only).' }),
    where: Type.Optional(Type.String({ minLength: 1, description: 'Row filter: an Athena SQL boolean expression over the CloudTrail table columns.' })),
    window: Type.Optional(TimeWindow),
    sql: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Escape hatch: free Athena SQL. Name the CloudTrail table `cloudtrail_logs`; trailsight qualifies it.',
      }),
    ),
    calculated: Type.Optional(Type.Array(CalculatedField, { description: 'Calculated fields.' })),
    import: Type.Optional(ImportMode),
  },
  'A dataset over the CloudTrail table.',
);

export type DataSetSpec = Static<typeof DataSetSpec>;
export type DataSetColumnSpec = Static<typeof DataSetColumn>;
export type CalculatedFieldSpec = Static<typeof CalculatedField>;
