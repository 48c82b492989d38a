import type { Aggregation, CalculatedFormula, FilterModel, MeasureField, VisualModel } from '../dashboard-model.ts';
import type { MeasurePart, ShippedColumn } from '../shipped.ts';
import { effectiveSort, limitCountsRows, needsValuesInGrain } from '../visual-rules.ts';
import type { ColumnKind } from './dataset-source.ts';
import { cellsQuery, countedColumn, dimensionExpr, distinctQuery, shownColumn } from './cell-queries.ts';
import { filterPredicate } from './filter-sql.ts';
import { shownText } from './shown-text.ts';
import { quoteIdentifier, quoteNumber } from './sql-text.ts';

export interface VisualQueryInput {
  readonly visual: VisualModel;
  /** The dataset's SQL, used as `WITH ds AS (...)`. */
  readonly datasetSql: string;
  readonly datasetColumns: ReadonlyMap<string, ColumnKind>;
  /** Filters that apply to the visual: static ones go in the SQL, interactive ones ship their column. */
  readonly filters: readonly FilterModel[];
  /** At most this many rows are shipped when the page filters or cuts them itself. */
  readonly rowCap: number;
}

export interface VisualQuery {
  readonly sql: string;
  readonly columns: ShippedColumn[];
  readonly filterKeys: Record<string, string>;
  /** The SQL returns the final result (grouped, sorted, cut); else the page filters and regroups. */
  readonly finalized: boolean;
  /** When finalized is false, the query asks for rowCap + 1 rows to tell when it was cut. */
  readonly rowCap: number;
  /** The page filters' cells (ids and row counts), when the page needs them. */
  readonly cells?: { readonly sql: string; readonly filterIds: string[] };
  /** One signature query per DISTINCT_COUNT under page filters. */
  readonly distinct: { readonly fieldId: string; readonly leaf?: number; readonly sql: string }[];
  /** A table of rows under page filters: each value of these filters' columns has its own first rows. */
  readonly partitions?: { readonly filterIds: string[]; readonly columns: string[]; readonly perPartition: number };
}

interface Selected {
  expr: string;
  column: ShippedColumn;
  grouped: boolean;
}

/**
 * One Athena query per visual: grouped by its dimensions, measures aggregated, filters applied or
 * shipped. Text it ships (dimensions, filter columns, the min and max of text) is cut to what the
 * page shows (shown-text.ts), so no value longer than that leaves Athena.
 */
export function buildVisualQuery(input: VisualQueryInput): VisualQuery {
  const { visual, filters, datasetColumns } = input;
  checkColumns(input);
  const pageFilters = filters.filter((f) => f.interactive);
  const staticFilters = filters.filter((f) => !f.interactive);
  const finalized = pageFilters.length === 0 && !visual.measures.flatMap(aggregatesOf).some((a) => needsValuesInGrain(a.aggregation, true));
  const selected: Selected[] = [];
  visual.dimensions.forEach((dimension, i) => {
    selected.push({ expr: dimensionExpr(dimension, datasetColumns), column: { key: `d${i}`, role: 'dimension', fieldId: dimension.fieldId }, grouped: true });
  });
  const filterKeys: Record<string, string> = {};
  pageFilters.forEach((filter, i) => {
    const expr = filterColumnExpr(filter, visual.unaggregated, datasetColumns);
    const same = selected.find((s) => s.expr === expr) ?? finerDateDimension(filter, visual, selected);
    if (same) filterKeys[filter.id] = same.column.key;
    else {
      selected.push({ expr, column: { key: `f${i}`, role: 'filter', filterId: filter.id }, grouped: true });
      filterKeys[filter.id] = `f${i}`;
    }
  });
  const where = staticFilters.map(filterPredicate).filter((p): p is string => p !== undefined);
  const cellInput = { datasetSql: input.datasetSql, datasetColumns, filters: pageFilters, where, rowCap: input.rowCap };
  const distinct: VisualQuery['distinct'] = [];
  if (!visual.unaggregated) {
    const dimensionExprs = visual.dimensions.map((d) => dimensionExpr(d, datasetColumns));
    const addParts = (fieldId: string, leaf: number | undefined, key: string, measure: { aggregation: Aggregation; column: string }) => {
      if (measure.aggregation === 'DISTINCT_COUNT' && !finalized) {
        distinct.push({
          fieldId,
          ...(leaf === undefined ? {} : { leaf }),
          sql: distinctQuery({ ...cellInput, dimensions: dimensionExprs, column: measure.column }),
        });
        return;
      }
      for (const [part, value] of measureParts(measure, finalized, datasetColumns)) {
        // A text column's min, max or values are text the page shows.
        const expr = datasetColumns.get(measure.column) === 'category' && (part === 'min' || part === 'max' || part === 'value') ? shownText(value) : value;
        selected.push({
          expr,
          column: { key: `${key}_${part}`, role: 'part', fieldId, part, ...(leaf === undefined ? {} : { leaf }) },
          grouped: part === 'value',
        });
      }
    };
    visual.measures.forEach((measure, i) => {
      if (measure.calculated) measure.calculated.leaves.forEach((leaf, j) => addParts(measure.fieldId, j, `m${i}_${j}`, leaf));
      else addParts(measure.fieldId, undefined, `m${i}`, measure);
    });
  }
  const select = selected.map((s) => `${s.expr} AS ${quoteIdentifier(s.column.key)}`);
  const lines = [`WITH ds AS (\n${input.datasetSql}\n)`];
  const groupedPositions = selected.flatMap((s, i) => (s.grouped ? [i + 1] : []));
  const limit = visual.limit !== undefined && limitCountsRows(visual) ? visual.limit : undefined;
  const partitionFilters = pageFilters.filter((f) => f.columnType !== 'date');
  let partitions: VisualQuery['partitions'];
  let rowLimit = finalized && limit !== undefined ? Math.min(limit, input.rowCap + 1) : input.rowCap + 1;
  if (visual.unaggregated && !finalized && partitionFilters.length > 0) {
    // Each value of the value-picking filters gets its own first rows: any choice of values finds its own.
    const perPartition = Math.min(limit ?? input.rowCap, input.rowCap);
    partitions = { filterIds: partitionFilters.map((f) => f.id), columns: partitionFilters.map((f) => f.column), perPartition };
    // Partitions by the values as the page sees them (cut), so each value the page can pick has its own first rows.
    // The window ranks the rows as shipped (text cut, computed first), never the dataset's whole values.
    const keys = selected.map((s) => quoteIdentifier(s.column.key));
    const partition = partitionFilters.map((f) => quoteIdentifier(filterKeys[f.id]!)).join(', ');
    const window = `row_number() OVER (PARTITION BY ${partition} ORDER BY ${orderBy(visual, selected, 'window', datasetColumns)})`;
    lines.push(`SELECT ${keys.join(', ')} FROM (`);
    lines.push(`SELECT ${[...keys, `${window} AS "rank"`].join(', ')} FROM (`);
    lines.push(`SELECT ${select.join(', ')}`, 'FROM ds');
    if (where.length) lines.push(`WHERE ${where.join('\n  AND ')}`);
    lines.push(`) AS "shown"`, `) AS "ranked"`, `WHERE "rank" <= ${quoteNumber(perPartition)}`);
    lines.push(`ORDER BY "rank" ASC, ${orderBy(visual, selected, 'positions', datasetColumns)}`);
  } else {
    if (visual.unaggregated && !finalized) {
      partitions = { filterIds: [], columns: [], perPartition: Math.min(limit ?? input.rowCap, input.rowCap) };
      rowLimit = limit !== undefined && limit <= input.rowCap ? limit : input.rowCap + 1;
    }
    lines.push(`SELECT ${select.join(', ')}`, 'FROM ds');
    if (where.length) lines.push(`WHERE ${where.join('\n  AND ')}`);
    if (!visual.unaggregated && groupedPositions.length) lines.push(`GROUP BY ${groupedPositions.join(', ')}`);
    if (groupedPositions.length)
      lines.push(`ORDER BY ${orderBy(visual, selected, finalized ? 'final' : visual.unaggregated ? 'positions' : 'largest', datasetColumns)}`);
  }
  lines.push(`LIMIT ${quoteNumber(rowLimit)}`);
  const needsCells = pageFilters.length > 0 && (visual.unaggregated || distinct.length > 0);
  return {
    sql: lines.join('\n'),
    columns: selected.map((s) => s.column),
    filterKeys,
    finalized,
    rowCap: input.rowCap,
    ...(needsCells ? { cells: { sql: cellsQuery(cellInput), filterIds: pageFilters.map((f) => f.id) } } : {}),
    distinct,
    ...(partitions ? { partitions } : {}),
  };
}

/** A date dimension on the filter's column, as fine as a day or finer: its value tells the day. */
function finerDateDimension(filter: FilterModel, visual: VisualModel, selected: readonly Selected[]): Selected | undefined {
  if (filter.columnType !== 'date') return undefined;
  const fine = new Set(['DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND']);
  const index = visual.dimensions.findIndex((d) => d.column === filter.column && d.type === 'date' && (d.granularity === undefined || fine.has(d.granularity)));
  return index >= 0 ? selected[index] : undefined;
}

function checkColumns(input: VisualQueryInput): void {
  const missing = new Set<string>();
  for (const field of [...input.visual.dimensions, ...input.visual.measures.flatMap(aggregatesOf), ...input.filters]) {
    if (!input.datasetColumns.has(field.column)) missing.add(field.column);
  }
  if (missing.size) {
    throw new Error(`column ${[...missing].join(', ')} is not in the dataset's output (a calculated field? the preview evaluates dataset columns only)`);
  }
}

/** The value a page filter tests: the column itself (text cut as the page shows it), dates to the day (the page's date controls pick days). */
function filterColumnExpr(filter: FilterModel, unaggregated: boolean, columns: ReadonlyMap<string, ColumnKind>): string {
  if (filter.columnType === 'date') return unaggregated ? quoteIdentifier(filter.column) : `date_trunc('day', ${quoteIdentifier(filter.column)})`;
  return shownColumn(filter.column, columns);
}

const FINAL: Record<Aggregation, (column: string) => string> = {
  SUM: (c) => `sum(${c})`,
  COUNT: (c) => `count(${c})`,
  DISTINCT_COUNT: (c) => `count(DISTINCT ${c})`,
  AVERAGE: (c) => `avg(${c})`,
  MIN: (c) => `min(${c})`,
  MAX: (c) => `max(${c})`,
  MEDIAN: (c) => `approx_percentile(${c}, 0.5)`,
  STDEV: (c) => `stddev_samp(${c})`,
  STDEVP: (c) => `stddev_pop(${c})`,
  VAR: (c) => `var_samp(${c})`,
  VARP: (c) => `var_pop(${c})`,
};

/** The aggregates a measure needs: itself, or the leaves of its calculated formula. */
function aggregatesOf(measure: MeasureField): { aggregation: Aggregation; column: string }[] {
  return measure.calculated ? [...measure.calculated.leaves] : [measure];
}

/** What an aggregation reads of a column: distinct counts read long text by its beginning and SHA-256 (countedColumn). */
function aggregated(aggregation: Aggregation, column: string, columns: ReadonlyMap<string, ColumnKind>): string {
  return aggregation === 'DISTINCT_COUNT' ? countedColumn(column, columns) : quoteIdentifier(column);
}

/** The final value of a measure in SQL, for ORDER BY. */
function finalSql(measure: MeasureField, columns: ReadonlyMap<string, ColumnKind>): string {
  if (!measure.calculated) return FINAL[measure.aggregation](aggregated(measure.aggregation, measure.column, columns));
  const leaves = measure.calculated.leaves;
  const render = (f: CalculatedFormula): string => {
    switch (f.k) {
      case 'num':
        return quoteNumber(f.v);
      case 'leaf':
        return FINAL[leaves[f.i]!.aggregation](aggregated(leaves[f.i]!.aggregation, leaves[f.i]!.column, columns));
      case 'neg':
        return `(-${render(f.e)})`;
      case 'bin':
        return f.op === '/' ? `(CAST(${render(f.l)} AS double) / NULLIF(${render(f.r)}, 0))` : `(${render(f.l)} ${f.op} ${render(f.r)})`;
    }
  };
  return render(measure.calculated.formula);
}

/** The partial results of a measure, as [part, SQL expression]. */
export function measureParts(
  measure: { aggregation: Aggregation; column: string },
  finalized: boolean,
  columns: ReadonlyMap<string, ColumnKind>,
): [MeasurePart, string][] {
  const c = quoteIdentifier(measure.column);
  const asDouble = `CAST(${c} AS double)`;
  switch (measure.aggregation) {
    case 'SUM':
      return [['sum', `sum(${c})`]];
    case 'COUNT':
      return [['sum', `count(${c})`]];
    case 'MIN':
      return [['min', `min(${c})`]];
    case 'MAX':
      return [['max', `max(${c})`]];
    case 'AVERAGE':
      return [
        ['sum', `sum(${asDouble})`],
        ['count', `count(${c})`],
      ];
    case 'STDEV':
    case 'STDEVP':
    case 'VAR':
    case 'VARP':
      return [
        ['sum', `sum(${asDouble})`],
        ['sumsq', `sum(${asDouble} * ${asDouble})`],
        ['count', `count(${c})`],
      ];
    case 'DISTINCT_COUNT':
      // Under page filters a distinct count ships as signatures over the filters' cells (cell-queries.ts).
      return finalized ? [['exact', `count(DISTINCT ${countedColumn(measure.column, columns)})`]] : [['value', c]];
    case 'MEDIAN':
      return [
        ['value', c],
        ['weight', `count(${c})`],
      ];
  }
}

/**
 * ORDER BY: the sort keys, then every grouped column ascending, so results are deterministic.
 * `final` may sort by aggregates (the SQL returns final results), `positions` sorts by output
 * positions only, `window` by the shipped columns' names (inside a window over them), `largest` puts the
 * largest partial sums first (so a cut drops the smallest) then the positions.
 */
function orderBy(
  visual: VisualModel,
  selected: readonly Selected[],
  mode: 'final' | 'positions' | 'window' | 'largest',
  columns: ReadonlyMap<string, ColumnKind>,
): string {
  const keys: string[] = [];
  const used = new Set<number>();
  const ref = (index: number) => (mode === 'window' ? quoteIdentifier(selected[index]!.column.key) : String(index + 1));
  if (mode === 'largest') {
    const sum = selected.findIndex((s) => s.column.role === 'part' && s.column.part === 'sum');
    if (sum >= 0) keys.push(`${sum + 1} DESC NULLS LAST`);
  }
  for (const key of effectiveSort(visual)) {
    const direction = key.direction === 'ASC' ? 'ASC NULLS LAST' : 'DESC NULLS LAST';
    const index = selected.findIndex((s) => s.column.role === 'dimension' && s.column.fieldId === key.fieldId);
    if (index >= 0) {
      keys.push(`${ref(index)} ${direction}`);
      used.add(index);
      continue;
    }
    const measure = visual.measures.find((m) => m.fieldId === key.fieldId);
    if (measure && mode === 'final') keys.push(`${finalSql(measure, columns)} ${direction}`);
  }
  selected.forEach((s, index) => {
    if (s.grouped && !used.has(index)) keys.push(`${ref(index)} ASC NULLS LAST`);
  });
  return keys.join(', ');
}
