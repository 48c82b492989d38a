import type { FilterModel, VisualModel } from '../dashboard-model.ts';
import type { VisualData } from '../shipped.ts';
import { type PageState, passes } from './filter-eval.ts';

const N = new Intl.NumberFormat('en-US');

/** Which of the visual's cells the page's filters keep, by cell id. */
export function cellsKept(filters: readonly FilterModel[], data: VisualData, state: PageState): boolean[] {
  if (!data.cells) return [];
  const tests = data.cells.filterIds.map((id) => filters.find((f) => f.id === id));
  return data.cells.rows.map((cell) => tests.every((filter, i) => !filter || passes(filter, cell[i] ?? null, state)));
}

/**
 * Why an aggregated visual's values are not exact, or undefined when they are: its shipped
 * rows were cut (the largest partial results kept), or a distinct count's signatures were.
 */
export function approximateNote(
  visual: VisualModel,
  data: VisualData,
  filters: readonly FilterModel[],
  state: PageState,
  keptRows: () => number,
): string | undefined {
  const notes: string[] = [];
  if (data.truncated && !everyRowOfChoiceShipped(data, filters, state, keptRows)) {
    const held = N.format(data.rows.length);
    const total = data.totalRows === undefined ? 'more' : N.format(data.totalRows);
    const partial = Object.keys(data.filterKeys).length > 0 && !visual.unaggregated;
    notes.push(
      partial
        ? `Approximate: this visual has ${total} partial results (one per group and per value of the page's filters); the page holds the ${held} largest, so small groups may be missing and values low.`
        : `Showing the first ${held} of ${total} rows: the page holds at most ${held} rows per visual.`,
    );
  }
  for (const part of data.distinct ?? []) {
    if (!part.truncated) continue;
    const label = visual.measures.find((m) => m.fieldId === part.fieldId)?.label ?? part.fieldId;
    const total = part.totalRows === undefined ? 'more' : N.format(part.totalRows);
    notes.push(
      `Approximate: ${label} counts the values of the ${N.format(part.rows.length)} largest of ${total} groups of values that occur together; it may be low.`,
    );
  }
  return notes.length ? notes.join(' ') : undefined;
}

/** Whether the page holds every row the query had for the current choice (its count per filter value says). */
function everyRowOfChoiceShipped(data: VisualData, filters: readonly FilterModel[], state: PageState, keptRows: () => number): boolean {
  const perKey = data.rowsPerKey;
  if (!perKey) return false;
  const tests = filters.flatMap((f) => {
    const index = perKey.keys.indexOf(data.filterKeys[f.id] ?? '');
    return index >= 0 ? [{ f, index }] : [];
  });
  const expected = perKey.rows.reduce(
    (n, row) => (tests.every(({ f, index }) => passes(f, row[index] ?? null, state)) ? n + Number(row[row.length - 1] ?? 0) : n),
    0,
  );
  return expected === keptRows();
}
