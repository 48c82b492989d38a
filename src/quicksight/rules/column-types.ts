import type { ColumnUse } from '../definition/index-definition.ts';
import { declaredDataSets } from './declared-columns.ts';
import { violation, type DefinitionRule } from './rule.ts';

type TypeClass = 'numeric' | 'datetime' | 'text' | 'unknown';

/**
 * INTEGER and DECIMAL are numbers, DATETIME a date, STRING text. A BOOLEAN input column is an INTEGER
 * output column (data-set-columns.ts), so real definitions use it as a number; a type QuickSight does
 * not give output columns is left unchecked.
 */
function typeClass(type: string | undefined): TypeClass {
  switch (type?.toUpperCase()) {
    case 'INTEGER':
    case 'DECIMAL':
      return 'numeric';
    case 'DATETIME':
      return 'datetime';
    case 'STRING':
      return 'text';
    default:
      return 'unknown';
  }
}

/** Aggregations that work on any column type. */
const COUNTS = new Set(['COUNT', 'DISTINCT_COUNT']);

type Need = { readonly need: TypeClass | 'not-datetime'; readonly why: string };

/** The type class a use needs, or undefined when any column fits. */
function requiredClass(use: ColumnUse): Need | undefined {
  const counted = use.aggregation !== undefined && COUNTS.has(use.aggregation.name);
  if (use.key === 'Column') {
    switch (use.holderKey) {
      case 'NumericalMeasureField':
        return counted ? undefined : { need: 'numeric', why: `a numerical measure${use.aggregation ? ` (${use.aggregation.name})` : ''}` };
      case 'NumericalDimensionField':
        return { need: 'numeric', why: 'a numerical dimension' };
      case 'DateDimensionField':
        return { need: 'datetime', why: 'a date dimension' };
      case 'DateMeasureField':
        return { need: 'datetime', why: 'a date measure' };
      case 'CategoricalDimensionField':
        return { need: 'not-datetime', why: 'a categorical dimension (use a DateDimensionField)' };
      case 'NumericRangeFilter':
      case 'NumericEqualityFilter':
        return { need: 'numeric', why: `a ${use.holderKey}` };
      case 'TimeRangeFilter':
      case 'TimeEqualityFilter':
      case 'RelativeDatesFilter':
        return { need: 'datetime', why: `a ${use.holderKey}` };
      case 'CategoryFilter':
        return { need: 'text', why: 'a CategoryFilter' };
    }
  }
  const sorted = (use.key === 'Column' && use.holderKey === 'AggregationSortConfigurations') || use.key === 'SortBy';
  if (sorted && use.aggregation?.over === 'number' && !counted) return { need: 'numeric', why: `a ${use.aggregation.name} sort` };
  return undefined;
}

/**
 * Columns fit their use: numerical fields, numeric filters and numeric aggregations (but counts) on
 * numbers; date fields and time filters on datetimes; category filters on text; a datetime groups
 * through a DateDimensionField.
 *
 * Evidence: the API model's shapes say which columns each takes ("NumericalMeasureField: the measure
 * type field with numerical type columns", "DateDimensionField: … with date type columns",
 * "CategoryFilter filters text values", "TimeRangeFilter …", "NumericRangeFilter …"); its error type
 * COLUMN_TYPE_MISMATCH (`AnalysisErrorType`). The wording is ours.
 */
export const columnTypes: DefinitionRule = {
  name: 'column-type',
  check(input) {
    const declared = declaredDataSets(input);
    return input.index.columns.flatMap((use) => {
      const type = use.dataset === undefined ? undefined : declared.get(use.dataset)?.columns?.get(use.column);
      const required = requiredClass(use);
      const actual = typeClass(type);
      if (!required || actual === 'unknown') return [];
      if (required.need === 'not-datetime' ? actual !== 'datetime' : required.need === actual) return [];
      return [violation(input.index, this.name, 'COLUMN_TYPE_MISMATCH', use.path, `Column '${use.column}' is ${type}, which does not fit ${required.why}.`)];
    });
  },
};
