import type {
  AggregationFunction,
  ColumnIdentifier,
  DimensionField,
  MeasureField,
  NumberFormatConfiguration,
  TimeGranularity,
  UnaggregatedField,
} from '@aws-sdk/client-quicksight';
import type { Dimension, Granularity, Measure, NumberDisplay, RankAggregation, Row } from '../../language/index.ts';

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

const SIMPLE_NUMERICAL = { count: 'COUNT', distinct_count: 'DISTINCT_COUNT', sum: 'SUM', avg: 'AVERAGE', min: 'MIN', max: 'MAX', median: 'MEDIAN' } as const;

export function columnIdentifier(dataset: string, column: string): ColumnIdentifier {
  return { DataSetIdentifier: dataset, ColumnName: column };
}

/** A field in a dimension well: date, numerical or categorical as the gate typed it. */
export function dimensionField(dataset: string, field: Dimension): DimensionField {
  const base = { FieldId: field.fieldId, Column: columnIdentifier(dataset, field.column) };
  switch (field.kind) {
    case 'date':
      return { DateDimensionField: { ...base, ...(field.granularity ? { DateGranularity: GRANULARITY[field.granularity] } : {}) } };
    case 'numerical':
      return { NumericalDimensionField: base };
    case 'categorical':
      return { CategoricalDimensionField: base };
  }
}

/** A field in a measure well: numbers with any aggregation (and a format), datetimes and text counted or at their extremes. */
export function measureField(dataset: string, field: Measure): MeasureField {
  const base = { FieldId: field.fieldId, Column: columnIdentifier(dataset, field.column) };
  switch (field.kind) {
    case 'numerical': {
      const format = field.display && numberFormat(field.display);
      return {
        NumericalMeasureField: {
          ...base,
          ...(field.aggregation ? { AggregationFunction: { SimpleNumericalAggregation: SIMPLE_NUMERICAL[field.aggregation] } } : {}),
          ...(format ? { FormatConfiguration: format } : {}),
        },
      };
    }
    case 'date':
      return { DateMeasureField: { ...base, AggregationFunction: SIMPLE_NUMERICAL[field.aggregation] } };
    case 'categorical':
      return { CategoricalMeasureField: { ...base, AggregationFunction: SIMPLE_NUMERICAL[field.aggregation] } };
  }
}

/** QuickSight's number format for a field's `format` / `decimals`. */
export function numberFormat(display: NumberDisplay): NumberFormatConfiguration {
  const decimals = display.decimals === undefined ? {} : { DecimalPlacesConfiguration: { DecimalPlaces: display.decimals } };
  return display.style === 'percent'
    ? { FormatConfiguration: { PercentageDisplayFormatConfiguration: decimals } }
    : { FormatConfiguration: { NumberDisplayFormatConfiguration: decimals } };
}

/** A row-level field of an unaggregated table; a datetime with a granularity is formatted to it. */
export function unaggregatedField(dataset: string, field: Row): UnaggregatedField {
  const format = field.granularity
    ? { DateTimeFormatConfiguration: { DateTimeFormat: DATE_FORMAT[field.granularity] } }
    : field.display
      ? { NumberFormatConfiguration: numberFormat(field.display) }
      : undefined;
  return { FieldId: field.fieldId, Column: columnIdentifier(dataset, field.column), ...(format ? { FormatConfiguration: format } : {}) };
}

/** The aggregation a sort or top-N ranks a column by, typed the way QuickSight wants it for the column's type. */
export function aggregationFunction(rank: RankAggregation): AggregationFunction {
  switch (rank.over) {
    case 'number':
      return { NumericalAggregationFunction: { SimpleNumericalAggregation: SIMPLE_NUMERICAL[rank.aggregation] } };
    case 'date':
      return { DateAggregationFunction: SIMPLE_NUMERICAL[rank.aggregation] };
    case 'text':
      return { CategoricalAggregationFunction: SIMPLE_NUMERICAL[rank.aggregation] };
  }
}
