import type { AxisLabelOptions, ChartAxisLabelOptions, FieldSortOptions } from '@aws-sdk/client-quicksight';
import type { SortKey } from '../../language/index.ts';
import { aggregationFunction, columnIdentifier } from '../definition/fields.ts';

/** A placed field as labels and sorts need it. */
interface Labelled {
  readonly fieldId: string;
  readonly column: string;
  readonly label?: string;
}

/** Custom labels of the fields given, for a chart axis. */
export function axisLabels(dataset: string, fields: readonly (Labelled | undefined)[]): ChartAxisLabelOptions | undefined {
  const options: AxisLabelOptions[] = fields
    .filter((f): f is Labelled => !!f?.label)
    .map((f) => ({ CustomLabel: f.label, ApplyTo: { FieldId: f.fieldId, Column: columnIdentifier(dataset, f.column) } }));
  return options.length > 0 ? { AxisLabelOptions: options } : undefined;
}

/** Field id → label of the labelled fields, for tables' and pivots' field options. */
export function labelled(fields: readonly Labelled[]): { FieldId: string; CustomLabel: string }[] {
  return fields.flatMap((f) => (f.label ? [{ FieldId: f.fieldId, CustomLabel: f.label }] : []));
}

/** Sort keys: by a field of the visual, or by a column (with its aggregation). */
export function sortOptions(dataset: string, sort: readonly SortKey[] | undefined): FieldSortOptions[] | undefined {
  if (!sort) return undefined;
  return sort.map((key): FieldSortOptions => {
    if ('fieldId' in key) return { FieldSort: { FieldId: key.fieldId, Direction: key.direction } };
    return {
      ColumnSort: {
        SortBy: columnIdentifier(dataset, key.column),
        Direction: key.direction,
        ...(key.aggregation ? { AggregationFunction: aggregationFunction(key.aggregation) } : {}),
      },
    };
  });
}
