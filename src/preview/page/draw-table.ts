import type { VisualModel } from '../dashboard-model.ts';
import type { Cell } from '../shipped.ts';
import type { ResultRow } from './aggregate.ts';
import { formatDimension, formatNumber } from './format.ts';

/** Longer texts (user agents, ARNs, messages) are cut to one line; the whole text is the title. */
const LONG_TEXT = 42;

/** Every text goes in through textContent: CloudTrail text never becomes markup. */
function cell(tag: 'td' | 'th', text: string, numeric = false): HTMLTableCellElement {
  const el = document.createElement(tag);
  if (numeric) el.className = 'num';
  if (text.length > LONG_TEXT) {
    const clip = document.createElement('span');
    clip.className = 'clip';
    clip.textContent = text;
    el.title = text;
    el.append(clip);
  } else el.textContent = text;
  return el;
}

function dimText(visual: VisualModel, index: number, value: Cell): string {
  return formatDimension(value, visual.dimensions[index]!, visual.unaggregated);
}

/** A table: the dimensions (or raw columns) then the measures. */
export function drawTable(body: HTMLElement, visual: VisualModel, rows: readonly ResultRow[]): void {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const field of visual.dimensions) head.append(cell('th', field.label));
  for (const field of visual.measures) head.append(cell('th', field.label, true));
  const tbody = table.createTBody();
  for (const row of rows) {
    const tr = tbody.insertRow();
    row.dims.forEach((value, i) => {
      const td = cell('td', dimText(visual, i, value));
      if (visual.dimensions[i]!.type === 'date') td.className = 'time';
      tr.append(td);
    });
    row.measures.forEach((value, m) => tr.append(cell('td', formatNumber(value, visual.measures[m]?.numberFormat), typeof value === 'number')));
  }
  body.replaceChildren(wrap(table));
}

/** A pivot table: row dimensions down, column dimensions across, one block of measures per column value. */
export function drawPivot(body: HTMLElement, visual: VisualModel, rows: readonly ResultRow[]): void {
  const rowDims = visual.roles.category.map((id) => visual.dimensions.findIndex((d) => d.fieldId === id));
  const colDims = visual.roles.color.map((id) => visual.dimensions.findIndex((d) => d.fieldId === id));
  if (colDims.length === 0) return drawTable(body, visual, rows);
  const label = (row: ResultRow, dims: number[]) => dims.map((i) => dimText(visual, i, row.dims[i] ?? null)).join(' / ');
  const columnKeys = [...new Set(rows.map((r) => label(r, colDims)))].sort();
  const byRow = new Map<string, { head: ResultRow; cells: Map<string, ResultRow> }>();
  for (const row of rows) {
    const key = JSON.stringify(rowDims.map((i) => row.dims[i]));
    if (!byRow.has(key)) byRow.set(key, { head: row, cells: new Map() });
    byRow.get(key)!.cells.set(label(row, colDims), row);
  }
  const table = document.createElement('table');
  table.className = 'pivot';
  const thead = table.createTHead();
  const top = thead.insertRow();
  const corner = cell('th', colDims.map((i) => visual.dimensions[i]!.label).join(' / '));
  corner.colSpan = Math.max(rowDims.length, 1);
  top.append(corner);
  for (const key of columnKeys) {
    const th = cell('th', key);
    th.colSpan = visual.measures.length;
    top.append(th);
  }
  const second = thead.insertRow();
  for (const i of rowDims) second.append(cell('th', visual.dimensions[i]!.label));
  for (const _ of columnKeys) for (const m of visual.measures) second.append(cell('th', m.label, true));
  const tbody = table.createTBody();
  for (const { head, cells } of byRow.values()) {
    const tr = tbody.insertRow();
    for (const i of rowDims) tr.append(cell('th', dimText(visual, i, head.dims[i] ?? null)));
    for (const key of columnKeys) {
      const found = cells.get(key);
      visual.measures.forEach((measure, m) => tr.append(cell('td', found ? formatNumber(found.measures[m], measure.numberFormat) : '', true)));
    }
  }
  body.replaceChildren(wrap(table));
}

function wrap(table: HTMLTableElement): HTMLElement {
  const div = document.createElement('div');
  div.className = 'table-wrap';
  div.append(table);
  return div;
}

/** A KPI: the first measure of the single result row, under the visual's title as QuickSight draws it. */
export function drawKpi(body: HTMLElement, visual: VisualModel, rows: readonly ResultRow[]): void {
  const value = document.createElement('div');
  value.className = 'kpi-value';
  value.textContent = formatNumber(rows[0]?.measures[0] ?? null, visual.measures[0]?.numberFormat);
  body.replaceChildren(value);
}
