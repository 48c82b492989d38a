import type { VisualModel } from '../dashboard-model.ts';
import type { Cell, VisualData } from '../shipped.ts';
import { effectiveSort } from '../visual-rules.ts';
import { type ResultRow, rowOrder } from './aggregate.ts';
import { formatCell } from './format.ts';

/** The rows a table of rows shows for the page's choice, and what the page could not show. */
export interface TableResult {
  readonly rows: ResultRow[];
  /** Rows that match the choice in the data (not only in the page). */
  readonly matching: number;
  /** The rows shown are exactly the visual's first rows for this choice. */
  readonly exact: boolean;
  /** Said under the table: why fewer rows are shown than match, or undefined. */
  readonly note?: string;
}

const N = new Intl.NumberFormat('en-US');

/**
 * A table of rows from its shipped rows. The query shipped, per value of the value-picking
 * filters (the partition), its first `perPartition` rows; the cells count every matching row.
 * Rows of a partition that were not shipped sort after its last shipped row, so the kept rows
 * up to the earliest such cut-off are exactly right; the table shows those and says the rest.
 */
export function tableRows(visual: VisualModel, data: VisualData, keep: (row: readonly Cell[]) => boolean, selectedCells: readonly boolean[]): TableResult {
  const order = rowOrder(visual);
  const dimIndex = visual.dimensions.map((d) => data.columns.findIndex((c) => c.role === 'dimension' && c.fieldId === d.fieldId));
  const partitionIds = data.partitions?.filterIds ?? [];
  const partitionIndex = partitionIds.map((id) => data.columns.findIndex((c) => c.key === data.filterKeys[id]));
  const partitionOf = (row: readonly Cell[]) => JSON.stringify(partitionIndex.map((i) => row[i] ?? null));
  const shipped = new Map<string, { last?: ResultRow; kept: number }>();
  const kept: ResultRow[] = [];
  const keptPartition = new Map<ResultRow, string>();
  for (const row of data.rows) {
    const key = partitionOf(row);
    const result: ResultRow = { dims: dimIndex.map((i) => row[i] ?? null), measures: [] };
    const part = shipped.get(key) ?? { kept: 0 };
    if (!part.last || order(result, part.last) > 0) part.last = result;
    if (keep(row)) {
      part.kept++;
      kept.push(result);
      keptPartition.set(result, key);
    }
    shipped.set(key, part);
  }
  kept.sort(order);
  const limit = visual.limit ?? Infinity;
  if (!data.cells) return { rows: kept.slice(0, limit), matching: kept.length, exact: !data.truncated };

  const cellPartition = partitionIds.map((id) => data.cells!.filterIds.indexOf(id));
  const matchingOf = new Map<string, number>();
  data.cells.rows.forEach((cell, id) => {
    if (!selectedCells[id]) return;
    const key = JSON.stringify(cellPartition.map((i) => cell[i] ?? null));
    matchingOf.set(key, (matchingOf.get(key) ?? 0) + Number(cell[cell.length - 1] ?? 0));
  });
  const matching = [...matchingOf.values()].reduce((a, b) => a + b, 0);
  const short = [...matchingOf].filter(([key, n]) => n > (shipped.get(key)?.kept ?? 0));
  const cutoffs = short.map(([key]) => shipped.get(key)?.last);
  const safe = (row: ResultRow) => cutoffs.every((last) => last !== undefined && order(row, last) <= 0);
  let end = 0;
  while (end < kept.length && end < limit && safe(kept[end]!)) end++;
  const rows = kept.slice(0, end);
  const exact = rows.length === Math.min(limit, matching);
  return {
    rows,
    matching,
    exact,
    ...noteFor(
      visual,
      data,
      rows.length,
      matching,
      exact,
      short.map(([key, n]) => [key, n - (shipped.get(key)?.kept ?? 0)]),
    ),
  };
}

function noteFor(visual: VisualModel, data: VisualData, shown: number, matching: number, exact: boolean, missing: [string, number][]): { note?: string } {
  const which = orderWord(visual);
  if (exact)
    return shown < matching
      ? { note: `The ${which} ${N.format(shown)} of ${N.format(matching)} matching rows: the visual shows at most ${N.format(visual.limit ?? shown)}.` }
      : {};
  const per = data.partitions!;
  const held = per.filterIds.length
    ? `the ${which} ${N.format(per.perPartition)} rows of each ${per.columns.join(' × ')}`
    : `the ${which} ${N.format(per.perPartition)} rows`;
  const named = missing.slice(0, 3).map(([key, n]) => `${N.format(n)} of ${partitionText(key)}`);
  const more = missing.length > 3 ? ` and ${N.format(missing.length - 3)} more` : '';
  const whose = per.filterIds.length ? ` (${named.join(', ')}${more})` : '';
  const absent = missing.reduce((a, [, n]) => a + n, 0);
  const lead =
    shown === 0
      ? `None of the ${N.format(matching)} matching rows can be shown`
      : `Showing the ${which} ${N.format(shown)} of ${N.format(matching)} matching rows`;
  return { note: `${lead}: the page holds ${held}, and ${N.format(absent)} matching rows are not among them${whose}.` };
}

function partitionText(key: string): string {
  return (JSON.parse(key) as Cell[]).map((v) => (v === null ? '(empty)' : formatCell(v))).join(' / ');
}

/** "newest" / "oldest" when the table is sorted by a date first, else "first". */
export function orderWord(visual: VisualModel): string {
  const first = effectiveSort(visual)[0];
  const dimension = visual.dimensions.find((d) => d.fieldId === first?.fieldId);
  if (dimension?.type !== 'date') return 'first';
  return first!.direction === 'DESC' ? 'newest' : 'oldest';
}
