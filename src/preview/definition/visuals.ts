import type { DimensionField as QsDimensionField, MeasureField as QsMeasureField, Visual } from '@aws-sdk/client-quicksight';
import type { AnyVisual, DimensionField, MeasureField, SortKey, VisualKind, VisualModel, VisualOptions } from '../dashboard-model.ts';
import { dimensionField, itemsLimit, type Labels, measureField, PreviewUnsupported, sortKeys } from './fields.ts';

interface Wells {
  kind: VisualKind;
  category?: readonly QsDimensionField[];
  color?: readonly QsDimensionField[];
  values?: readonly QsMeasureField[];
  /** Unaggregated table columns. */
  columns?: readonly QsDimensionField[];
  sort?: SortKey[];
  limit?: number;
  options?: VisualOptions;
}

/** Reads one QuickSight visual into the preview model, or a placeholder saying why it cannot be drawn. */
export function readVisual(visual: Visual, sheetId: string): AnyVisual {
  const [typeKey, body] = Object.entries(visual).find(([, value]) => value !== undefined) ?? ['unknown', {}];
  const id: string = body?.VisualId ?? 'unknown';
  const title = plainText(body?.Title?.FormatText);
  const subtitle = plainText(body?.Subtitle?.FormatText);
  try {
    const wells = wellsOf(visual);
    const labels = labelsOf(body?.ChartConfiguration);
    const category = (wells.category ?? []).map((field) => dimensionField(field, labels));
    const color = (wells.color ?? []).map((field) => dimensionField(field, labels));
    const columns = (wells.columns ?? []).map((field) => dimensionField(field, labels));
    const measures = (wells.values ?? []).map((field) => measureField(field, labels));
    const dimensions = [...category, ...color, ...columns];
    const dataset = commonDataset([...dimensions, ...measures]);
    if (measures.length === 0 && columns.length === 0) throw new PreviewUnsupported('a visual without values');
    const model: VisualModel = {
      id,
      sheetId,
      kind: wells.kind,
      ...(title === undefined ? {} : { title }),
      ...(subtitle === undefined ? {} : { subtitle }),
      dataset,
      dimensions,
      measures,
      roles: { category: [...category, ...columns].map((f) => f.fieldId), color: color.map((f) => f.fieldId), values: measures.map((f) => f.fieldId) },
      sort: (wells.sort ?? []).filter((key) => dimensions.some((f) => f.fieldId === key.fieldId) || measures.some((f) => f.fieldId === key.fieldId)),
      ...(wells.limit === undefined ? {} : { limit: wells.limit }),
      unaggregated: wells.columns !== undefined,
      options: wells.options ?? {},
    };
    return model;
  } catch (error) {
    if (!(error instanceof PreviewUnsupported)) throw error;
    const reason = typeKey in WELLS ? error.message : `the preview cannot draw ${typeKey.replace(/Visual$/, '')} visuals`;
    return { id, sheetId, kind: 'unsupported', ...(title === undefined ? {} : { title }), reason };
  }
}

const WELLS: Record<string, (body: any) => Wells> = {
  KPIVisual: (body) => ({ kind: 'kpi', values: body.ChartConfiguration?.FieldWells?.Values?.slice(0, 1) }),
  BarChartVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.BarChartAggregatedFieldWells ?? {};
    return {
      kind: 'bar',
      category: wells.Category,
      color: wells.Colors,
      values: wells.Values,
      sort: sortKeys(config.SortConfiguration?.CategorySort),
      limit: itemsLimit(config.SortConfiguration?.CategoryItemsLimit),
      options: { horizontal: config.Orientation === 'HORIZONTAL', stacked: String(config.BarsArrangement ?? '').startsWith('STACKED') },
    };
  },
  LineChartVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.LineChartAggregatedFieldWells ?? {};
    return {
      kind: 'line',
      category: wells.Category,
      color: wells.Colors,
      values: wells.Values,
      sort: sortKeys(config.SortConfiguration?.CategorySort),
      limit: itemsLimit(config.SortConfiguration?.CategoryItemsLimitConfiguration),
    };
  },
  PieChartVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.PieChartAggregatedFieldWells ?? {};
    const thickness = config.DonutOptions?.ArcOptions?.ArcThickness;
    return {
      kind: 'pie',
      category: wells.Category,
      values: wells.Values?.slice(0, 1),
      sort: sortKeys(config.SortConfiguration?.CategorySort),
      limit: itemsLimit(config.SortConfiguration?.CategoryItemsLimit),
      options: { donut: thickness !== undefined && thickness !== 'WHOLE' },
    };
  },
  TableVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const sort = sortKeys(config.SortConfiguration?.RowSort);
    const limit = itemsLimit({ ItemsLimit: config.SortConfiguration?.PaginationConfiguration?.PageSize });
    const unaggregated = config.FieldWells?.TableUnaggregatedFieldWells;
    if (unaggregated) {
      const columns = (unaggregated.Values ?? []).map((field: any) => ({
        CategoricalDimensionField: { FieldId: field.FieldId, Column: field.Column, FormatConfiguration: field.FormatConfiguration },
      }));
      return { kind: 'table', columns, sort, limit };
    }
    const wells = config.FieldWells?.TableAggregatedFieldWells ?? {};
    return { kind: 'table', category: wells.GroupBy, values: wells.Values, sort, limit };
  },
  PivotTableVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.PivotTableAggregatedFieldWells ?? {};
    const sort: SortKey[] = [];
    for (const option of config.SortConfiguration?.FieldSortOptions ?? []) {
      const by = option.SortBy?.Field ?? option.SortBy?.Column;
      if (by?.FieldId) sort.push({ fieldId: by.FieldId, direction: by.Direction === 'ASC' ? 'ASC' : 'DESC' });
    }
    return { kind: 'pivot', category: wells.Rows, color: wells.Columns, values: wells.Values, sort };
  },
  HeatMapVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.HeatMapAggregatedFieldWells ?? {};
    const sorting = config.SortConfiguration ?? {};
    return {
      kind: 'heatmap',
      category: wells.Rows,
      color: wells.Columns,
      values: wells.Values?.slice(0, 1),
      sort: [...sortKeys(sorting.HeatMapRowSort), ...sortKeys(sorting.HeatMapColumnSort)],
      limit: itemsLimit(sorting.HeatMapRowItemsLimitConfiguration),
    };
  },
};

function wellsOf(visual: Visual): Wells {
  for (const [key, read] of Object.entries(WELLS)) {
    const body = (visual as Record<string, unknown>)[key];
    if (body) return read(body);
  }
  throw new PreviewUnsupported('this visual type');
}

function commonDataset(fields: readonly (DimensionField | MeasureField)[]): string {
  const datasets = [...new Set(fields.map((f) => f.dataset))];
  if (datasets.length !== 1) throw new PreviewUnsupported(datasets.length === 0 ? 'a visual without fields' : 'a visual over several datasets');
  return datasets[0]!;
}

/** Custom labels anywhere in the chart configuration: `{FieldId, CustomLabel}` or `{ApplyTo: {FieldId}, CustomLabel}`. */
function labelsOf(config: unknown): Labels {
  const labels = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, any>;
    const fieldId = record.FieldId ?? record.ApplyTo?.FieldId;
    if (typeof record.CustomLabel === 'string' && typeof fieldId === 'string' && !labels.has(fieldId)) labels.set(fieldId, record.CustomLabel);
    Object.values(record).forEach(walk);
  };
  walk(config);
  return labels;
}

/** Plain text of a title: PlainText, or RichText with its markup removed. */
export function plainText(format: { PlainText?: string; RichText?: string } | undefined): string | undefined {
  if (format?.PlainText !== undefined) return format.PlainText;
  if (format?.RichText === undefined) return undefined;
  return format.RichText.replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
