import { Type, type Static } from '@sinclair/typebox';
import { ColumnName, strict } from './common.ts';

export const AGGREGATIONS = ['count', 'distinct_count', 'sum', 'avg', 'min', 'max', 'median'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const GRANULARITIES = ['minute', 'hour', 'day', 'week', 'month'] as const;

export const NUMBER_FORMATS = ['number', 'percent'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

/** The pattern of a field shorthand: `column` or `aggregation(column)`. */
export const FIELD_SHORTHAND_PATTERN = `^(?:(?:${AGGREGATIONS.join('|')})\\([a-z_][a-z0-9_]*\\)|[a-z_][a-z0-9_]*)$`;

/** `column` or `aggregation(column)`, e.g. `count(event_id)`. */
const FieldShorthand = Type.String({
  pattern: FIELD_SHORTHAND_PATTERN,
  description: 'A column (`event_name`) or an aggregated column (`count(event_id)`, `distinct_count(source_ip)`).',
});

const FieldObject = strict(
  {
    column: ColumnName,
    aggregation: Type.Optional(
      Type.Union(
        AGGREGATIONS.map((a) => Type.Literal(a)),
        { description: 'Aggregation; makes the field a measure.' },
      ),
    ),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, description: 'Header or axis label.' })),
    granularity: Type.Optional(
      Type.Union(
        GRANULARITIES.map((g) => Type.Literal(g)),
        { description: 'Date granularity, for datetime dimensions.' },
      ),
    ),
    format: Type.Optional(
      Type.Union(
        NUMBER_FORMATS.map((f) => Type.Literal(f)),
        {
          description: 'How a numeric measure is shown: `number` (grouped digits) or `percent` (a ratio: 0.05 shows as 5%).',
        },
      ),
    ),
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'Decimal places shown, for a numeric measure.' })),
  },
  'A field with options.',
);

export const Field = Type.Union([FieldShorthand, FieldObject], {
  description: 'A field: `column`, `aggregation(column)`, or an object with a label, granularity or number format.',
});
export type Field = Static<typeof Field>;

export const Fields = Type.Array(Field, { minItems: 1, description: 'Fields, in order.' });

export const Sort = Type.Array(
  strict(
    {
      by: Field,
      order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: 'asc or desc (default desc).' })),
    },
    'A sort key.',
  ),
  { description: 'Sort keys, most significant first.' },
);
export type Sort = Static<typeof Sort>;
