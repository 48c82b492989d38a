import type { EChartsOption } from 'echarts';
import type { NumberFormat, VisualModel } from '../dashboard-model.ts';
import { escapeHtml } from '../render/html-text.ts';
import type { Cell } from '../shipped.ts';
import type { ResultRow } from './aggregate.ts';
import { formatCell, formatDimension, formatNumber } from './format.ts';
import { timeAxisLabels, zeroWhenAbsent } from './time-buckets.ts';

/**
 * ECharts options for bar, line, pie and heat map visuals. Chart text is drawn on canvas; the
 * only HTML ECharts builds is the tooltip, and our formatter escapes every piece of it.
 */
export function chartOptions(visual: VisualModel, rows: readonly ResultRow[]): EChartsOption {
  switch (visual.kind) {
    case 'bar':
    case 'line':
      return axisChart(visual, rows);
    case 'pie':
      return pieChart(visual, rows);
    case 'heatmap':
      return heatMap(visual, rows);
    default:
      throw new Error(`${visual.kind} visuals are not charts`);
  }
}

const BASE = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' } } as const;

/**
 * Grid margins measured around the drawn axis labels. `containLabel` (deprecated in ECharts 6)
 * only estimates from sample labels and let the longest or the first label run off the canvas.
 */
const LABELS_INSIDE = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

function labelOf(visual: VisualModel, fieldIds: readonly string[], row: ResultRow): string {
  return fieldIds
    .map((id) => {
      const index = visual.dimensions.findIndex((d) => d.fieldId === id);
      return formatDimension(row.dims[index] ?? null, visual.dimensions[index]!, false);
    })
    .join(' / ');
}

function axisChart(visual: VisualModel, rows: readonly ResultRow[]): EChartsOption {
  // A line over time has a point for every bucket: a count is 0 where no row is, other measures a gap.
  const timeLabels = timeAxisLabels(visual, rows);
  const categories = timeLabels ?? [...new Set(rows.map((r) => labelOf(visual, visual.roles.category, r)))];
  const position = new Map(categories.map((c, i) => [c, i]));
  const series = new Map<string, (number | null)[]>();
  const add = (name: string, measure: number, category: string, value: Cell) => {
    if (!series.has(name)) {
      const m = visual.measures[measure];
      const empty = timeLabels && m && zeroWhenAbsent(m.aggregation) && !m.calculated ? 0 : null;
      series.set(name, Array(categories.length).fill(empty));
    }
    series.get(name)![position.get(category)!] = typeof value === 'number' ? value : null;
  };
  for (const row of rows) {
    const category = labelOf(visual, visual.roles.category, row);
    if (visual.roles.color.length > 0) add(labelOf(visual, visual.roles.color, row), 0, category, row.measures[0] ?? null);
    else visual.measures.forEach((m, i) => add(m.label, i, category, row.measures[i] ?? null));
  }
  if (visual.options.percent) toShares(series, categories.length);
  const type = visual.kind === 'line' ? 'line' : 'bar';
  const horizontal = visual.kind === 'bar' && visual.options.horizontal === true;
  const categoryAxis = { type: 'category' as const, data: categories, inverse: horizontal, axisLabel: categoryLabels(visual.kind, horizontal, categories) };
  // A coloured chart draws the first measure in every series; otherwise each series is a measure.
  const formatOf = (name: string) =>
    visual.options.percent ? SHARE : (visual.roles.color.length > 0 ? visual.measures[0] : visual.measures.find((m) => m.label === name))?.numberFormat;
  const axisFormat = visual.options.percent ? SHARE : sharedFormat(visual);
  const scale = visual.options.valueAxis;
  // A logarithmic axis has no place for 0 or less: QuickSight leaves such values out, and so does the drawing.
  if (scale?.logBase) for (const values of series.values()) values.forEach((v, i) => (values[i] = v !== null && v <= 0 ? null : v));
  const valueAxis = {
    type: scale?.logBase ? ('log' as const) : ('value' as const),
    ...(scale?.logBase ? { logBase: scale.logBase } : {}),
    ...(scale?.min === undefined ? {} : { min: scale.min }),
    ...(scale?.max === undefined ? {} : { max: scale.max }),
    ...(countsOnly(visual) && !visual.options.percent && !scale?.logBase ? { minInterval: 1 } : {}),
    ...(visual.options.percent ? { max: 1 } : {}),
    ...(axisFormat ? { axisLabel: { formatter: (v: number) => formatNumber(v, { percent: axisFormat.percent }) } } : {}),
  };
  return {
    ...BASE,
    grid: { ...LABELS_INSIDE, left: 8, right: 16, top: series.size > 1 ? 32 : 12, bottom: 8 },
    ...(series.size > 1 ? { legend: { type: 'scroll', top: 0 } } : {}),
    tooltip: { trigger: 'axis', formatter: (params: unknown) => axisTooltip(params, formatOf), confine: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [...series].map(([name, data]) => ({
      type,
      name,
      data,
      ...(visual.options.stacked || visual.options.lineType === 'STACKED_AREA' ? { stack: 'total' } : {}),
      ...(visual.options.lineType === 'AREA' || visual.options.lineType === 'STACKED_AREA' ? { areaStyle: {} } : {}),
      ...(type === 'line' ? { showSymbol: categories.length < 40, connectNulls: !timeLabels } : {}),
    })),
  } as EChartsOption;
}

const SHARE: NumberFormat = { percent: true, decimals: 1 };

/** Each category's values as shares of the category's total (a bar chart stacked to 100%); a null stays null. */
function toShares(series: Map<string, (number | null)[]>, categories: number): void {
  for (let i = 0; i < categories; i++) {
    const total = [...series.values()].reduce((sum, values) => sum + Math.abs(values[i] ?? 0), 0);
    for (const values of series.values()) {
      const v = values[i];
      if (v !== null && v !== undefined) values[i] = total === 0 ? 0 : v / total;
    }
  }
}

/** Whether every measure counts (whole numbers: no 0.5 ticks on the value axis). */
function countsOnly(visual: VisualModel): boolean {
  return visual.measures.every((m) => (m.aggregation === 'COUNT' || m.aggregation === 'DISTINCT_COUNT') && !m.calculated);
}

/** The number format every measure of the chart shares, for the value axis; none when they differ. */
function sharedFormat(visual: VisualModel): NumberFormat | undefined {
  const [first, ...rest] = visual.measures.map((m) => m.numberFormat);
  return first && rest.every((f) => f?.percent === first.percent) ? first : undefined;
}

/**
 * Category labels: truncated to a width (the full text is in the tooltip). Every bar of a vertical
 * bar chart is labelled, tilted when a label is long; overlapping labels are still hidden.
 */
function categoryLabels(kind: VisualModel['kind'], horizontal: boolean, categories: readonly string[]) {
  if (kind !== 'bar' || horizontal) return { width: 140, overflow: 'truncate' as const, hideOverlap: true };
  const rotate = categories.some((c) => c.length > 10) || categories.length > 12 ? 30 : 0;
  return { width: rotate ? 110 : 100, overflow: 'truncate' as const, hideOverlap: true, interval: 0, rotate };
}

function pieChart(visual: VisualModel, rows: readonly ResultRow[]): EChartsOption {
  return {
    ...BASE,
    tooltip: { trigger: 'item', formatter: (params: unknown) => itemTooltip(params, visual.measures[0]?.numberFormat), confine: true },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        type: 'pie',
        name: visual.measures[0]?.label ?? '',
        radius: visual.options.donut ? ['40%', '70%'] : '70%',
        center: ['40%', '50%'],
        label: { show: false },
        data: rows.map((row) => ({ name: labelOf(visual, visual.roles.category, row), value: typeof row.measures[0] === 'number' ? row.measures[0] : 0 })),
      },
    ],
  } as EChartsOption;
}

function heatMap(visual: VisualModel, rows: readonly ResultRow[]): EChartsOption {
  const ys = [...new Set(rows.map((r) => labelOf(visual, visual.roles.category, r)))];
  const xs = [...new Set(rows.map((r) => labelOf(visual, visual.roles.color, r)))].sort();
  const values = rows.map((r) => (typeof r.measures[0] === 'number' ? r.measures[0] : 0));
  const data = rows.map((r, i) => [xs.indexOf(labelOf(visual, visual.roles.color, r)), ys.indexOf(labelOf(visual, visual.roles.category, r)), values[i]!]);
  return {
    ...BASE,
    tooltip: { trigger: 'item', formatter: (p: unknown) => heatTooltip(p, xs, ys, visual.measures[0]?.numberFormat), confine: true },
    grid: { ...LABELS_INSIDE, left: 8, right: 16, top: 8, bottom: 64 },
    xAxis: { type: 'category', data: xs, axisLabel: { width: 100, overflow: 'truncate', hideOverlap: true } },
    yAxis: { type: 'category', data: ys, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    visualMap: { min: Math.min(0, ...values), max: Math.max(1, ...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [{ type: 'heatmap', name: visual.measures[0]?.label ?? '', data }],
  } as EChartsOption;
}

interface TooltipParam {
  seriesName?: string;
  name?: string;
  value?: unknown;
  percent?: number;
}

function valueText(value: unknown, format?: NumberFormat): string {
  return typeof value === 'number' || value === null ? formatNumber(value as number | null, format) : String(value);
}

/** An axis chart's tooltip; `formatOf` gives each series' number format. */
export function axisTooltip(params: unknown, formatOf: (seriesName: string) => NumberFormat | undefined = () => undefined): string {
  const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
  const head = escapeHtml(String(list[0]?.name ?? ''));
  const line = (p: TooltipParam) => `${escapeHtml(String(p.seriesName ?? ''))}: ${escapeHtml(valueText(p.value, formatOf(String(p.seriesName ?? ''))))}`;
  return [head, ...list.map(line)].join('<br>');
}

export function itemTooltip(params: unknown, format?: NumberFormat): string {
  const p = params as TooltipParam;
  const percent = p.percent === undefined ? '' : ` (${escapeHtml(formatCell(p.percent))}%)`;
  return `${escapeHtml(String(p.name ?? ''))}: ${escapeHtml(valueText(p.value, format))}${percent}`;
}

function heatTooltip(params: unknown, xs: readonly string[], ys: readonly string[], format?: NumberFormat): string {
  const value = (params as TooltipParam).value as [number, number, number];
  return `${escapeHtml(ys[value[1]] ?? '')} / ${escapeHtml(xs[value[0]] ?? '')}: ${escapeHtml(formatNumber(value[2], format))}`;
}
