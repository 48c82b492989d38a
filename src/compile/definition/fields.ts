import type {
  AggregationFunction,
  ColumnIdentifier,
  DimensionField,
  MeasureField,
  NumberFormatConfiguration,
  TimeGranularity,
  UnaggregatedField,
} from '@aws-sdk/client-quicksight';
import { parseField, type FieldRef } from '../../language/field-ref.ts';
import type { Aggregation, DataType } from '../../language/schema/index.ts';
import type { BoardContext, DatasetRef, JsonPath } from './context.ts';

export type Granularity = NonNullable<FieldRef['granularity']>;
export { parseField, type FieldRef };

/** Same column and aggregation: how a sort key finds the field it sorts by. */
export function sameField(a: FieldRef, b: FieldRef): boolean {
  return a.column === b.column && a.aggregation === b.aggregation;
}

export function fieldText(field: FieldRef): string {
  return field.aggregation ? `${field.aggregation}(${field.column})` : field.column;
}

export const GRANULARITY: Readonly<Record<Granularity, TimeGranularity>> = {
  minute: 'MINUTE',
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
};

/** How an unaggregated datetime is shown at a granularity (QuickSight date format tokens). */
const DATE_FORMAT: Readonly<Record<Granularity, string>> = {
  minute: 'YYYY-MM-DD HH:mm',
  hour: 'YYYY-MM-DD HH:00',
  day: 'YYYY-MM-DD',
  week: 'YYYY-MM-DD',
  month: 'YYYY-MM',
};

const NUMERIC: ReadonlySet<DataType | undefined> = new Set(['integer', 'decimal', undefined]);

const SIMPLE_NUMERICAL = { count: 'COUNT', distinct_count: 'DISTINCT_COUNT', sum: 'SUM', avg: 'AVERAGE', min: 'MIN', max: 'MAX', median: 'MEDIAN' } as const;

export function columnIdentifier(dataset: DatasetRef, column: string): ColumnIdentifier {
  return { DataSetIdentifier: dataset.identifier, ColumnName: column };
}

/** A field in a dimension well: date, numerical or categorical by the column's type. */
export function dimensionField(
  ctx: BoardContext,
  dataset: DatasetRef,
  field: FieldRef,
  fieldId: string,
  path: JsonPath,
  granularity?: Granularity,
): DimensionField {
  const column = ctx.column(dataset, field.column, path);
  if (field.aggregation) ctx.report(path, `${fieldText(field)} is in a dimension (grouping) role: name the column without an aggregation`);
  if (field.format || field.decimals !== undefined) ctx.report(path, `format and decimals apply to measures; ${field.column} is a dimension (grouping) here`);
  const Column = columnIdentifier(dataset, field.column);
  const grain = field.granularity ?? granularity;
  if (grain && column && column.type !== 'datetime') ctx.report(path, `granularity applies to datetime columns; ${field.column} is ${column.type ?? 'untyped'}`);
  if (column?.type === 'datetime') {
    return { DateDimensionField: { FieldId: fieldId, Column, ...(grain ? { DateGranularity: GRANULARITY[grain] } : {}) } };
  }
  if (column?.type === 'integer' || column?.type === 'decimal') return { NumericalDimensionField: { FieldId: fieldId, Column } };
  return { CategoricalDimensionField: { FieldId: fieldId, Column } };
}

/**
 * A field in a measure well, by column type and aggregation: numbers take any aggregation; strings and
 * booleans count; datetimes count, min or max. A numeric field without aggregation (e.g. a calculated
 * field that aggregates itself) is a measure as it is.
 */
export function measureField(ctx: BoardContext, dataset: DatasetRef, field: FieldRef, fieldId: string, path: JsonPath): MeasureField {
  const column = ctx.column(dataset, field.column, path);
  const Column = columnIdentifier(dataset, field.column);
  const agg = field.aggregation;
  const format = numberFormat(field);
  if (!column || NUMERIC.has(column.type)) {
    return {
      NumericalMeasureField: {
        FieldId: fieldId,
        Column,
        ...(agg ? { AggregationFunction: { SimpleNumericalAggregation: SIMPLE_NUMERICAL[agg] } } : {}),
        ...(format ? { FormatConfiguration: format } : {}),
      },
    };
  }
  if (format) ctx.report(path, `format and decimals apply to numeric measures; ${fieldText(field)} counts a ${column.type} column`);
  if (!agg) {
    ctx.report(path, `${field.column} is ${column.type}: a measure of it needs an aggregation, e.g. count(${field.column})`);
  } else if (column.type === 'datetime') {
    if (agg === 'count' || agg === 'distinct_count' || agg === 'min' || agg === 'max') {
      return { DateMeasureField: { FieldId: fieldId, Column, AggregationFunction: SIMPLE_NUMERICAL[agg] } };
    }
    ctx.report(path, `${agg} needs a numeric column; ${field.column} is datetime (use count, distinct_count, min or max)`);
  } else if (agg !== 'count' && agg !== 'distinct_count') {
    ctx.report(path, `${agg} needs a numeric column; ${field.column} is ${column.type} (use count or distinct_count)`);
  } else {
    return { CategoricalMeasureField: { FieldId: fieldId, Column, AggregationFunction: SIMPLE_NUMERICAL[agg] } };
  }
  return { CategoricalMeasureField: { FieldId: fieldId, Column, AggregationFunction: 'COUNT' } };
}

/** QuickSight's number format for a measure's `format` / `decimals`; undefined when neither is set. */
export function numberFormat(field: FieldRef): NumberFormatConfiguration | undefined {
  if (!field.format && field.decimals === undefined) return undefined;
  const decimals = field.decimals === undefined ? {} : { DecimalPlacesConfiguration: { DecimalPlaces: field.decimals } };
  return field.format === 'percent'
    ? { FormatConfiguration: { PercentageDisplayFormatConfiguration: decimals } }
    : { FormatConfiguration: { NumberDisplayFormatConfiguration: decimals } };
}

/** A row-level field of an unaggregated table; a datetime with a granularity is formatted to it. */
export function unaggregatedField(ctx: BoardContext, dataset: DatasetRef, field: FieldRef, fieldId: string, path: JsonPath): UnaggregatedField {
  const column = ctx.column(dataset, field.column, path);
  if (field.granularity && column && column.type !== 'datetime') ctx.report(path, `granularity applies to datetime columns; ${field.column} is ${column.type ?? 'untyped'}`);
  const number = numberFormat(field);
  if (number && column && !NUMERIC.has(column.type)) ctx.report(path, `format and decimals apply to numbers; ${field.column} is ${column.type}`);
  const format =
    field.granularity && column?.type === 'datetime'
      ? { DateTimeFormatConfiguration: { DateTimeFormat: DATE_FORMAT[field.granularity] } }
      : number && (!column || NUMERIC.has(column.type))
        ? { NumberFormatConfiguration: number }
        : undefined;
  return { FieldId: fieldId, Column: columnIdentifier(dataset, field.column), ...(format ? { FormatConfiguration: format } : {}) };
}

/** The aggregation of a column sort key, typed the way QuickSight wants it for the column's type. */
export function aggregationFunction(type: DataType | undefined, agg: Aggregation): AggregationFunction {
  if (NUMERIC.has(type)) return { NumericalAggregationFunction: { SimpleNumericalAggregation: SIMPLE_NUMERICAL[agg] } };
  if (type === 'datetime') return { DateAggregationFunction: SIMPLE_NUMERICAL[agg] as 'COUNT' | 'DISTINCT_COUNT' | 'MIN' | 'MAX' };
  return { CategoricalAggregationFunction: SIMPLE_NUMERICAL[agg] as 'COUNT' | 'DISTINCT_COUNT' };
}
