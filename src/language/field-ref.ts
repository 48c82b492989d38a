import type { Aggregation, Field, NumberFormat } from './schema/index.ts';

/** A field, shorthand or object, as one shape. */
export interface FieldRef {
  readonly column: string;
  readonly aggregation?: Aggregation;
  readonly label?: string;
  readonly granularity?: 'minute' | 'hour' | 'day' | 'week' | 'month';
  readonly format?: NumberFormat;
  readonly decimals?: number;
}

/** Reads `event_name`, `count(event_id)` or `{ column, aggregation, label, granularity, format, decimals }`. */
export function parseField(field: Field): FieldRef {
  if (typeof field !== 'string') return field;
  const [, aggregation, column] = /^([a-z_]+)\(([a-z_][a-z0-9_]*)\)$/.exec(field) ?? [];
  return aggregation && column ? { column, aggregation: aggregation as Aggregation } : { column: field };
}
