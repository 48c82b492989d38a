import { evaluateFormula } from '../calculated/formula.ts';
import type { Aggregation, VisualModel } from '../dashboard-model.ts';
import type { Cell, MeasurePart, VisualData } from '../shipped.ts';
import { effectiveSort, limitCountsRows } from '../visual-rules.ts';
import { compare } from './filter-eval.ts';

/** A drawn row: dimension values in `visual.dimensions` order, measure values in `visual.measures` order. */
export interface ResultRow {
  readonly dims: readonly Cell[];
  readonly measures: readonly Cell[];
}

interface Accumulator {
  dims: Cell[];
  sum: number[];
  count: number[];
  sumsq: number[];
  min: Cell[];
  max: Cell[];
  exact: Cell[];
  values: Map<string, number>[];
  /** Distinct values counted from signatures (DistinctPart). */
  distinct: number[];
}

/**
 * The visual's result from its shipped rows: keep the rows `keep` accepts, group them by the
 * visual's dimensions, recombine the measure parts, sort and cut as the visual says.
 * `selectedCells[id]` says whether the page's filters keep a cell (for distinct counts).
 */
export function computeResult(
  visual: VisualModel,
  data: VisualData,
  keep: (row: readonly Cell[]) => boolean,
  selectedCells: readonly boolean[] = [],
): ResultRow[] {
  const dimIndex = visual.dimensions.map((d) => data.columns.findIndex((c) => c.role === 'dimension' && c.fieldId === d.fieldId));
  const kept = data.rows.filter(keep);
  let rows: ResultRow[];
  if (visual.unaggregated) {
    rows = kept.map((row) => ({ dims: dimIndex.map((i) => row[i] ?? null), measures: [] }));
  } else {
    const units = aggregationUnits(visual);
    const parts = units.map((unit) => partIndexes(data, unit));
    const groups = new Map<string, Accumulator>();
    for (const row of kept) {
      const dims = dimIndex.map((i) => row[i] ?? null);
      const key = JSON.stringify(dims);
      let acc = groups.get(key);
      if (!acc) {
        acc = emptyAccumulator(dims, units.length);
        groups.set(key, acc);
      }
      parts.forEach((p, u) => accumulate(acc!, u, p, row));
    }
    for (const part of data.distinct ?? []) {
      const u = units.findIndex((unit) => unit.fieldId === part.fieldId && unit.leaf === part.leaf);
      if (u < 0) continue;
      const d = visual.dimensions.length;
      for (const row of part.rows) {
        if (
          !String(row[d] ?? '')
            .split(',')
            .some((id) => selectedCells[Number(id)] === true)
        )
          continue;
        const dims = row.slice(0, d);
        const key = JSON.stringify(dims);
        let acc = groups.get(key);
        if (!acc) {
          acc = emptyAccumulator(dims, units.length);
          groups.set(key, acc);
        }
        acc.distinct[u]! += Number(row[d + 1] ?? 0);
      }
    }
    if (groups.size === 0 && visual.dimensions.length === 0) groups.set('[]', emptyAccumulator([], units.length));
    rows = [...groups.values()].map((acc) => {
      const values = units.map((unit, u) => finish(unit.aggregation, acc, u));
      return {
        dims: acc.dims,
        measures: visual.measures.map((measure, m) => {
          if (!measure.calculated) return values[units.findIndex((unit) => unit.measure === m)] ?? null;
          const leaves = units.flatMap((unit, u) => (unit.measure === m ? [values[u]] : [])).map((v) => (typeof v === 'number' ? v : null));
          return evaluateFormula(measure.calculated.formula, leaves);
        }),
      };
    });
  }
  return cut(visual, sortRows(visual, rows));
}

/** A KPI over no rows still has a value: counts are 0. */
function emptyAccumulator(dims: Cell[], n: number): Accumulator {
  const values = Array.from({ length: n }, () => new Map<string, number>());
  const zeros = () => Array<number>(n).fill(0);
  return {
    dims,
    sum: zeros(),
    count: zeros(),
    sumsq: zeros(),
    min: Array(n).fill(null),
    max: Array(n).fill(null),
    exact: Array(n).fill(null),
    values,
    distinct: zeros(),
  };
}

/** What gets aggregated: each measure, or each leaf of a calculated measure. */
interface Unit {
  readonly measure: number;
  readonly fieldId: string;
  readonly leaf?: number;
  readonly aggregation: Aggregation;
}

function aggregationUnits(visual: VisualModel): Unit[] {
  return visual.measures.flatMap((m, measure): Unit[] =>
    m.calculated
      ? m.calculated.leaves.map((leaf, j) => ({ measure, fieldId: m.fieldId, leaf: j, aggregation: leaf.aggregation }))
      : [{ measure, fieldId: m.fieldId, aggregation: m.aggregation }],
  );
}

function partIndexes(data: VisualData, unit: Unit): Partial<Record<MeasurePart, number>> {
  const indexes: Partial<Record<MeasurePart, number>> = {};
  data.columns.forEach((c, i) => {
    if (c.role === 'part' && c.fieldId === unit.fieldId && c.leaf === unit.leaf) indexes[c.part] = i;
  });
  return indexes;
}

function accumulate(acc: Accumulator, m: number, parts: Partial<Record<MeasurePart, number>>, row: readonly Cell[]): void {
  const num = (part: MeasurePart) => (parts[part] === undefined ? 0 : Number(row[parts[part]!] ?? 0));
  acc.sum[m]! += num('sum');
  acc.count[m]! += num('count');
  acc.sumsq[m]! += num('sumsq');
  for (const side of ['min', 'max'] as const) {
    const index = parts[side];
    if (index === undefined || row[index] === null || row[index] === undefined) continue;
    const value = row[index]!;
    const current = acc[side][m];
    if (current === null || current === undefined || (side === 'min' ? compare(value, current) < 0 : compare(value, current) > 0)) acc[side][m] = value;
  }
  if (parts.exact !== undefined) acc.exact[m] = row[parts.exact] ?? null;
  if (parts.value !== undefined && row[parts.value] !== null && row[parts.value] !== undefined) {
    const key = JSON.stringify(row[parts.value]);
    acc.values[m]!.set(key, (acc.values[m]!.get(key) ?? 0) + (parts.weight === undefined ? 1 : num('weight')));
  }
}

function finish(aggregation: Aggregation, acc: Accumulator, m: number): Cell {
  const sum = acc.sum[m]!;
  const count = acc.count[m]!;
  switch (aggregation) {
    case 'SUM':
    case 'COUNT':
      return sum;
    case 'MIN':
      return acc.min[m] ?? null;
    case 'MAX':
      return acc.max[m] ?? null;
    case 'AVERAGE':
      return count === 0 ? null : sum / count;
    case 'DISTINCT_COUNT':
      return acc.exact[m] ?? acc.values[m]!.size + acc.distinct[m]!;
    case 'MEDIAN':
      return weightedMedian(acc.values[m]!);
    case 'VAR':
    case 'VARP':
    case 'STDEV':
    case 'STDEVP': {
      const sample = aggregation === 'VAR' || aggregation === 'STDEV';
      const n = sample ? count - 1 : count;
      if (n <= 0) return null;
      const variance = Math.max(0, (acc.sumsq[m]! - (sum * sum) / count) / n);
      return aggregation.startsWith('STDEV') ? Math.sqrt(variance) : variance;
    }
  }
}

function weightedMedian(values: Map<string, number>): Cell {
  const entries = [...values].map(([key, weight]) => [JSON.parse(key) as Cell, weight] as const).sort((a, b) => compare(a[0]!, b[0]!));
  const total = entries.reduce((n, [, w]) => n + w, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [value, weight] of entries) {
    seen += weight;
    if (seen * 2 >= total) return value;
  }
  return null;
}

/** Sort keys first, then every dimension ascending (as the SQL does); nulls last. */
export function sortRows(visual: VisualModel, rows: ResultRow[]): ResultRow[] {
  return [...rows].sort(rowOrder(visual));
}

/** The order `sortRows` sorts by, as a comparator. */
export function rowOrder(visual: VisualModel): (a: ResultRow, b: ResultRow) => number {
  const keys = effectiveSort(visual).flatMap((key) => {
    const d = visual.dimensions.findIndex((f) => f.fieldId === key.fieldId);
    if (d >= 0) return [{ get: (r: ResultRow) => r.dims[d], sign: key.direction === 'ASC' ? 1 : -1, dim: d }];
    const m = visual.measures.findIndex((f) => f.fieldId === key.fieldId);
    return m >= 0 ? [{ get: (r: ResultRow) => r.measures[m], sign: key.direction === 'ASC' ? 1 : -1, dim: -1 }] : [];
  });
  visual.dimensions.forEach((_, d) => {
    if (!keys.some((k) => k.dim === d)) keys.push({ get: (r) => r.dims[d], sign: 1, dim: d });
  });
  return (a, b) => {
    for (const key of keys) {
      const x = key.get(a) ?? null;
      const y = key.get(b) ?? null;
      if (x === null && y === null) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = compare(x, y) * key.sign;
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** The item limit: rows, or (with a colour split) the first categories in sorted order. */
export function cut(visual: VisualModel, rows: ResultRow[]): ResultRow[] {
  if (visual.limit === undefined) return rows;
  if (limitCountsRows(visual)) return rows.slice(0, visual.limit);
  const categoryIndexes = visual.roles.category.map((id) => visual.dimensions.findIndex((d) => d.fieldId === id));
  const kept = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify(categoryIndexes.map((i) => row.dims[i]));
    if (kept.has(key)) return true;
    if (kept.size >= visual.limit!) return false;
    kept.add(key);
    return true;
  });
}
