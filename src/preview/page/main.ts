import type { ECharts } from 'echarts';
import type { Scalar, VisualModel } from '../dashboard-model.ts';
import type { Cell, PagePayload } from '../shipped.ts';
import { computeResult, type ResultRow } from './aggregate.ts';
import { approximateNote, cellsKept } from './notes.ts';
import { tableRows } from './row-table.ts';
import { chartOptions } from './chart-options.ts';
import { themedChartOptions, themeVariables } from './theme.ts';
import { buildControl } from './controls.ts';
import { drawKpi, drawPivot, drawTable } from './draw-table.ts';
import { type FilterChoice, type PageState, passes } from './filter-eval.ts';
import { isCut } from '../query/shown-text.ts';

declare global {
  interface Window {
    echarts: typeof import('echarts');
  }
}

/** The dashboard page: reads the embedded JSON, wires tabs and controls, draws each visual from its shipped rows. */
function start(): void {
  const payload = JSON.parse(document.getElementById('preview-data')!.textContent!) as PagePayload;
  const { dashboard } = payload;
  for (const [name, value] of Object.entries(themeVariables(payload.theme))) document.documentElement.style.setProperty(name, value);
  const parameters: Record<string, readonly Scalar[]> = Object.fromEntries(dashboard.parameters.map((p) => [p.name, p.defaults]));
  const choices: Record<string, FilterChoice> = {};
  const state = (): PageState => ({ parameters, choices });
  const charts = new Map<string, ECharts>();
  const drawnSheets = new Set<string>();

  const draw = (visual: VisualModel): void => {
    const figure = document.querySelector<HTMLElement>(`figure[data-visual-id="${CSS.escape(visual.id)}"]`);
    const body = figure?.querySelector<HTMLElement>('.visual-body');
    if (!figure || !body) return;
    const data = payload.data[visual.id];
    if (!data || data.error) {
      figure.dataset.state = 'error';
      message(body, data?.error ?? 'no data was read for this visual');
      return;
    }
    const filters = dashboard.filters.filter((f) => data.filterKeys[f.id] !== undefined);
    const indexes = filters.map((f) => data.columns.findIndex((c) => c.key === data.filterKeys[f.id]));
    const keep = (row: readonly Cell[]) => filters.every((f, i) => passes(f, row[indexes[i]!] ?? null, state()));
    const selectedCells = cellsKept(dashboard.filters, data, state());
    let rows: ResultRow[];
    let note: string | undefined;
    if (visual.unaggregated && data.cells) {
      const table = tableRows(visual, data, keep, selectedCells);
      rows = table.rows;
      note = table.note;
      figure.dataset.matching = String(table.matching);
      figure.dataset.exact = String(table.exact);
    } else {
      rows = computeResult(visual, data, keep, selectedCells);
      note = approximateNote(visual, data, filters, state(), () => data.rows.filter(keep).length);
      figure.dataset.exact = String(note === undefined);
    }
    figure.dataset.rows = String(rows.length);
    figure.dataset.state = rows.length > 0 ? 'drawn' : 'empty';
    const noteElement = figure.querySelector<HTMLElement>('.visual-note');
    if (noteElement) {
      noteElement.textContent = note ?? '';
      noteElement.hidden = note === undefined;
    }
    // Values cut in the SQL: said where the drawing shows one, or the page's choices pick one.
    const cutElement = figure.querySelector<HTMLElement>('.visual-cut');
    if (cutElement) cutElement.hidden = !(rows.some((row) => row.dims.some(isCut)) || choosesCut(state()));
    if (rows.length === 0) {
      charts.get(visual.id)?.dispose();
      charts.delete(visual.id);
      return message(body, 'No data');
    }
    switch (visual.kind) {
      case 'kpi':
        return drawKpi(body, visual, rows);
      case 'table':
        return drawTable(body, visual, rows);
      case 'pivot':
        return drawPivot(body, visual, rows);
      default: {
        let chart = charts.get(visual.id);
        if (!chart || chart.isDisposed()) {
          body.replaceChildren();
          chart = window.echarts.init(body, undefined, { renderer: 'canvas' });
          charts.set(visual.id, chart);
        }
        chart.setOption(themedChartOptions(chartOptions(visual, rows), payload.theme), true);
      }
    }
  };

  const drawSheet = (sheetId: string): void => {
    drawnSheets.add(sheetId);
    for (const visual of dashboard.sheets.find((s) => s.id === sheetId)?.visuals ?? []) if (visual.kind !== 'unsupported') draw(visual);
  };
  const redraw = (): void => {
    for (const sheetId of drawnSheets) drawSheet(sheetId);
  };

  for (const figure of document.querySelectorAll<HTMLElement>('figure[data-visual-id]')) {
    const { col, row, width, height } = figure.dataset;
    if (col !== undefined) figure.style.gridColumn = `${Number(col) + 1} / span ${Number(width)}`;
    if (row !== undefined) figure.style.gridRow = `${Number(row) + 1} / span ${Number(height)}`;
  }

  for (const sheet of dashboard.sheets) {
    const container = document.querySelector<HTMLElement>(`.controls[data-sheet-id="${CSS.escape(sheet.id)}"]`);
    for (const control of sheet.controls) {
      container?.append(
        buildControl(
          control,
          {
            parameters: dashboard.parameters,
            filters: dashboard.filters,
            choices: payload.choices,
            initialParameter: (name) => parameters[name] ?? [],
            now: dashboard.now ? new Date(dashboard.now) : new Date(),
          },
          {
            setParameter: (name, values) => {
              parameters[name] = values;
              redraw();
            },
            setChoice: (filterId, choice) => {
              choices[filterId] = choice;
              redraw();
            },
          },
        ),
      );
    }
  }

  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"][data-sheet-id]')];
  const show = (sheetId: string): void => {
    for (const tab of tabs) tab.setAttribute('aria-selected', String(tab.dataset.sheetId === sheetId));
    for (const section of document.querySelectorAll<HTMLElement>('section.sheet')) section.hidden = section.dataset.sheetId !== sheetId;
    if (!drawnSheets.has(sheetId)) drawSheet(sheetId);
    for (const chart of charts.values()) chart.resize();
  };
  for (const tab of tabs) tab.addEventListener('click', () => show(tab.dataset.sheetId!));
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
  if (dashboard.sheets[0]) show(dashboard.sheets[0].id);
  document.body.dataset.ready = 'true';
}

function choosesCut(state: PageState): boolean {
  return (
    Object.values(state.parameters).some((values) => values.some(isCut)) ||
    Object.values(state.choices).some((choice) => 'values' in choice && choice.values.some(isCut))
  );
}

function message(body: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.className = 'visual-message';
  p.textContent = text;
  body.replaceChildren(p);
}

start();
