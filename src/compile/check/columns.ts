import type { ColumnUse, DefinitionIndex } from './definition-index.ts';
import type { DatasetColumns, DefinitionProblem } from './problem.ts';
import { isObject, pathText } from './walk.ts';

type TypeClass = 'numeric' | 'datetime' | 'text' | 'unknown';

function typeClass(type: string | undefined): TypeClass {
  switch (type?.toUpperCase()) {
    case 'INTEGER':
    case 'DECIMAL':
      return 'numeric';
    case 'DATETIME':
      return 'datetime';
    case 'STRING':
    case 'BOOLEAN':
    case 'BIT':
      return 'text';
    default:
      return 'unknown';
  }
}

/** Aggregations that work on any column type. */
const COUNTS = new Set(['COUNT', 'DISTINCT_COUNT']);

/** The type class a use needs, or undefined when any column fits. */
function requiredClass(use: ColumnUse): { need: TypeClass | 'not-datetime' | 'text'; why: string } | undefined {
  const holder = use.holder ?? {};
  const simple = isObject(holder.AggregationFunction)
    ? (((holder.AggregationFunction.NumericalAggregationFunction as { SimpleNumericalAggregation?: string } | undefined)?.SimpleNumericalAggregation) ??
      (holder.AggregationFunction.NumericalAggregationFunction ? 'PERCENTILE' : undefined))
    : undefined;
  if (use.key === 'Column') {
    switch (use.holderKey) {
      case 'NumericalMeasureField': {
        const agg = isObject(holder.AggregationFunction) ? (holder.AggregationFunction.SimpleNumericalAggregation as string | undefined) : undefined;
        return agg && COUNTS.has(agg) ? undefined : { need: 'numeric', why: `a numerical measure${agg ? ` (${agg})` : ''}` };
      }
      case 'NumericalDimensionField':
        return { need: 'numeric', why: 'a numerical dimension' };
      case 'DateDimensionField':
      case 'DateMeasureField':
        return { need: 'datetime', why: `a ${use.holderKey === 'DateDimensionField' ? 'date dimension' : 'date measure'}` };
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
      case 'AggregationSortConfigurations':
        return simple && !COUNTS.has(simple) ? { need: 'numeric', why: `a ${simple} sort` } : undefined;
    }
  }
  if (use.key === 'SortBy' && simple && !COUNTS.has(simple)) return { need: 'numeric', why: `a ${simple} sort` };
  return undefined;
}

/**
 * Every column a visual, filter, sort or control names is declared in the definition, exists in its
 * dataset's output columns, and has a type that fits its use (measures numeric unless counted,
 * date fields and time filters on datetimes, category filters on text).
 */
export function checkColumns(index: DefinitionIndex, datasets: readonly DatasetColumns[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const declared = new Set(index.declared.map((d) => d.id));
  const byIdentifier = new Map(datasets.map((d) => [d.identifier, new Map(d.columns.map((c) => [c.name, c.type]))]));
  for (const use of index.columns) {
    const at = pathText(use.path);
    if (use.dataset === undefined) {
      if (!isObject(use.holder) || use.holder.TopicIdentifier === undefined)
        problems.push({ path: at, rule: 'dataset-declared', message: `column ${use.column} names no DataSetIdentifier` });
      continue;
    }
    if (!declared.has(use.dataset)) {
      problems.push({ path: at, rule: 'dataset-declared', message: `dataset identifier "${use.dataset}" is not in DataSetIdentifierDeclarations` });
      continue;
    }
    const columns = byIdentifier.get(use.dataset);
    if (!columns) continue; // columns of this dataset unknown to the caller
    if (!columns.has(use.column)) {
      problems.push({ path: at, rule: 'column-exists', message: `dataset "${use.dataset}" has no column "${use.column}"` });
      continue;
    }
    const required = requiredClass(use);
    const actual = typeClass(columns.get(use.column));
    if (!required || actual === 'unknown') continue;
    const fits =
      required.need === 'not-datetime' ? actual !== 'datetime' : required.need === actual;
    if (!fits) {
      problems.push({
        path: at,
        rule: 'column-type',
        message: `${use.column} is ${columns.get(use.column)}, which does not fit ${required.why}`,
      });
    }
  }
  return problems;
}
