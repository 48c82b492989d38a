import type {
  DimensionField as QsDimensionField,
  FieldSortOptions,
  FormatConfiguration,
  ItemsLimitConfiguration,
  MeasureField as QsMeasureField,
  UnaggregatedField,
} from '@aws-sdk/client-quicksight';
import type { Aggregation, DimensionField, Granularity, MeasureField, NumberFormat, SortKey } from '../dashboard-model.ts';

/** Field ids → labels, from the visual's field options (table and pivot headers, axis titles). */
export type Labels = ReadonlyMap<string, string>;

export function dimensionField(field: QsDimensionField, labels: Labels): DimensionField {
  const date = field.DateDimensionField;
  if (date) {
    const column = columnRef(date.Column);
    const format = date.FormatConfiguration?.DateTimeFormat;
    return {
      fieldId: date.FieldId!,
      ...column,
      type: 'date',
      granularity: (date.DateGranularity as Granularity) ?? 'DAY',
      ...(format ? { dateFormat: format } : {}),
      label: labels.get(date.FieldId!) ?? column.column,
    };
  }
  const numeric = field.NumericalDimensionField;
  if (numeric) {
    const column = columnRef(numeric.Column);
    return { fieldId: numeric.FieldId!, ...column, type: 'number', label: labels.get(numeric.FieldId!) ?? column.column };
  }
  const category = field.CategoricalDimensionField;
  if (category) {
    // QuickSight's model gives a categorical field a string format; a date-time or number format is read too, as an unaggregated column's is.
    return formattedField(category.FieldId!, category.Column, category.FormatConfiguration as AnyFormat | undefined, labels);
  }
  throw new PreviewUnsupported('a dimension field of an unknown kind');
}

/** An unaggregated table column: a date or a number when its format says so, else a category. */
export function unaggregatedField(field: UnaggregatedField, labels: Labels): DimensionField {
  return formattedField(field.FieldId!, field.Column, field.FormatConfiguration, labels);
}

/** The members of QuickSight's `FormatConfiguration` that make a field a date or a number. */
type AnyFormat = Pick<FormatConfiguration, 'DateTimeFormatConfiguration' | 'NumberFormatConfiguration'>;

function formattedField(
  fieldId: string,
  column: { DataSetIdentifier?: string; ColumnName?: string } | undefined,
  format: AnyFormat | undefined,
  labels: Labels,
): DimensionField {
  const ref = columnRef(column);
  const dateFormat = format?.DateTimeFormatConfiguration?.DateTimeFormat;
  const number = numberFormat(format?.NumberFormatConfiguration);
  return {
    fieldId,
    ...ref,
    type: dateFormat ? 'date' : number ? 'number' : 'category',
    ...(dateFormat ? { dateFormat } : {}),
    ...(number ? { numberFormat: number } : {}),
    label: labels.get(fieldId) ?? ref.column,
  };
}

export function measureField(field: QsMeasureField, labels: Labels): MeasureField {
  const numeric = field.NumericalMeasureField;
  if (numeric) {
    const fn = numeric.AggregationFunction;
    if (fn?.PercentileAggregation) throw new PreviewUnsupported('percentile aggregation');
    const aggregation = (fn?.SimpleNumericalAggregation ?? 'SUM') as Aggregation;
    const format = numberFormat(numeric.FormatConfiguration);
    return { ...measure(numeric.FieldId!, numeric.Column, aggregation, labels), ...(format ? { numberFormat: format } : {}) };
  }
  const category = field.CategoricalMeasureField;
  if (category) return measure(category.FieldId!, category.Column, (category.AggregationFunction ?? 'COUNT') as Aggregation, labels);
  const date = field.DateMeasureField;
  if (date) return measure(date.FieldId!, date.Column, (date.AggregationFunction ?? 'COUNT') as Aggregation, labels);
  if (field.CalculatedMeasureField) throw new PreviewUnsupported(`the calculated measure ${field.CalculatedMeasureField.FieldId}`);
  throw new PreviewUnsupported('a measure field of an unknown kind');
}

type QsNumberFormat = NonNullable<NonNullable<QsMeasureField['NumericalMeasureField']>['FormatConfiguration']>;

/** QuickSight's number or percentage display format as the preview's; other formats (currency) show as plain numbers. */
function numberFormat(config: QsNumberFormat | undefined): NumberFormat | undefined {
  const percent = config?.FormatConfiguration?.PercentageDisplayFormatConfiguration;
  const plain = config?.FormatConfiguration?.NumberDisplayFormatConfiguration;
  const chosen = percent ?? plain;
  if (!chosen) return undefined;
  const decimals = chosen.DecimalPlacesConfiguration?.DecimalPlaces;
  return { percent: !!percent, ...(decimals === undefined ? {} : { decimals }) };
}

function measure(
  fieldId: string,
  column: { DataSetIdentifier?: string; ColumnName?: string } | undefined,
  aggregation: Aggregation,
  labels: Labels,
): MeasureField {
  const ref = columnRef(column);
  return { fieldId, ...ref, aggregation, label: labels.get(fieldId) ?? defaultMeasureLabel(aggregation, ref.column) };
}

function defaultMeasureLabel(aggregation: Aggregation, column: string): string {
  const words: Record<Aggregation, string> = {
    SUM: 'Sum',
    COUNT: 'Count',
    DISTINCT_COUNT: 'Count distinct',
    AVERAGE: 'Average',
    MIN: 'Min',
    MAX: 'Max',
    MEDIAN: 'Median',
    STDEV: 'Std dev',
    STDEVP: 'Std dev (pop.)',
    VAR: 'Variance',
    VARP: 'Variance (pop.)',
  };
  return `${column} (${words[aggregation]})`;
}

export function columnRef(column: { DataSetIdentifier?: string; ColumnName?: string } | undefined): { dataset: string; column: string } {
  if (!column?.DataSetIdentifier || !column.ColumnName) throw new PreviewUnsupported('a field without a column');
  return { dataset: column.DataSetIdentifier, column: column.ColumnName };
}

/** Sort keys by field id; column sorts (by a column not in the wells) are not drawn and are dropped. */
export function sortKeys(options: readonly FieldSortOptions[] | undefined): SortKey[] {
  const keys: SortKey[] = [];
  for (const option of options ?? []) {
    if (option.FieldSort?.FieldId) keys.push({ fieldId: option.FieldSort.FieldId, direction: option.FieldSort.Direction === 'ASC' ? 'ASC' : 'DESC' });
  }
  return keys;
}

export function itemsLimit(config: ItemsLimitConfiguration | undefined): number | undefined {
  const limit = config?.ItemsLimit;
  return typeof limit === 'number' && limit > 0 ? limit : undefined;
}

/**
 * The column the preview adds to a dataset for QuickSight's "Count of Records": 1 on every row, so
 * its COUNT is the number of rows (index.ts adds it where a visual counts records).
 */
export const RECORDS_COLUMN = '__count_of_records';

/** What QuickSight draws for a chart whose Values well is empty: the Count of Records of each group. */
export function countOfRecords(dataset: string, fieldId: string): MeasureField {
  return { fieldId, dataset, column: RECORDS_COLUMN, aggregation: 'COUNT', label: 'Count of Records' };
}

/** A part of a definition the preview cannot draw; the visual shows the reason instead. */
export class PreviewUnsupported extends Error {
  constructor(what: string) {
    super(`the preview cannot draw ${what}`);
    this.name = 'PreviewUnsupported';
  }
}
