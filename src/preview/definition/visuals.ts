import type { DimensionField as QsDimensionField, MeasureField as QsMeasureField, Visual } from '@aws-sdk/client-quicksight';
import type { AnyVisual, DimensionField, MeasureField, SortKey, UnsupportedVisual, VisualKind, VisualModel, VisualOptions } from '../dashboard-model.ts';
import { visualTypeName } from './visual-types.ts';
import { countOfRecords, dimensionField, itemsLimit, type Labels, measureField, PreviewUnsupported, sortKeys } from './fields.ts';

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
  caveats?: string[];
}

/** Reads one QuickSight visual into the preview model, or a box naming its type and saying why it cannot be drawn. */
export function readVisual(visual: Visual, sheetId: string): AnyVisual {
  const [typeKey, body] = (Object.entries(visual).find(([, value]) => value !== undefined) ?? ['unknown', {}]) as [string, any];
  const id: string = typeof body?.VisualId === 'string' ? body.VisualId : 'unknown';
  const title = plainText(body?.Title?.FormatText);
  const subtitle = plainText(body?.Subtitle?.FormatText);
  const unsupported = (reason: string): UnsupportedVisual => ({
    id,
    sheetId,
    kind: 'unsupported',
    visualType: typeKey,
    typeName: visualTypeName(typeKey),
    ...(title === undefined ? {} : { title }),
    reason,
  });
  const read = WELLS[typeKey];
  if (!read) return unsupported('the preview cannot draw this type of visual');
  try {
    const wells = read(body);
    const labels = labelsOf(body?.ChartConfiguration);
    const category = (wells.category ?? []).map((field) => dimensionField(field, labels));
    const color = (wells.color ?? []).map((field) => dimensionField(field, labels));
    const columns = (wells.columns ?? []).map((field) => dimensionField(field, labels));
    const valued = (wells.values ?? []).map((field) => measureField(field, labels));
    const dimensions = [...category, ...color, ...columns];
    const dataset = commonDataset([...dimensions, ...valued]);
    const measures = valued.length > 0 || columns.length > 0 || !COUNTS_RECORDS.has(wells.kind) ? valued : [countOfRecords(dataset, `${id}.count-of-records`)];
    // A table or pivot table grouped by fields alone lists their distinct values, as QuickSight does.
    const listsGroups = (wells.kind === 'table' || wells.kind === 'pivot') && category.length > 0;
    if (measures.length === 0 && columns.length === 0 && !listsGroups) throw new PreviewUnsupported('a visual without values');
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
      ...(wells.caveats?.length ? { caveats: wells.caveats } : {}),
    };
    return model;
  } catch (error) {
    // A definition the preview misreads is shown as its type's box with what went wrong, never dropped.
    return unsupported(error instanceof PreviewUnsupported ? error.message : `the preview could not read this visual (${(error as Error).message})`);
  }
}

/** A line chart's Type (LINE when unset); a type this preview does not know is refused, not drawn as lines. */
function lineType(type: unknown): VisualOptions['lineType'] {
  if (type === undefined || type === 'LINE' || type === 'AREA' || type === 'STACKED_AREA') return type ?? 'LINE';
  throw new PreviewUnsupported(`line charts of type ${String(type)}`);
}

/**
 * A value axis' scale and range (AxisDisplayOptions.DataOptions.NumericAxisOptions): Logarithmic
 * with its Base (10 when unset), a MinMax range.
 */
function valueAxis(
  axis:
    | { DataOptions?: { NumericAxisOptions?: { Scale?: { Logarithmic?: { Base?: number } }; Range?: { MinMax?: { Minimum?: number; Maximum?: number } } } } }
    | undefined,
): Pick<VisualOptions, 'valueAxis'> {
  const numeric = axis?.DataOptions?.NumericAxisOptions;
  const log = numeric?.Scale?.Logarithmic;
  const range = numeric?.Range?.MinMax;
  const options = {
    ...(log ? { logBase: log.Base ?? 10 } : {}),
    ...(range?.Minimum === undefined ? {} : { min: range.Minimum }),
    ...(range?.Maximum === undefined ? {} : { max: range.Maximum }),
  };
  return Object.keys(options).length ? { valueAxis: options } : {};
}

/** Charts that QuickSight draws with the Count of Records when their Values well is empty (issue 14's console exports). */
const COUNTS_RECORDS: ReadonlySet<VisualKind> = new Set(['bar', 'line', 'pie', 'heatmap']);

/** A chart drawn as small multiples (one panel per value) would be a different chart as one: not drawn. */
function noSmallMultiples(wells: { SmallMultiples?: unknown[] }): void {
  if (wells.SmallMultiples?.length) throw new PreviewUnsupported('small multiples (one panel per value)');
}

/** Values of a well that takes one beyond the first, which the drawing leaves out: said on the visual. */
function onlyFirstValue(values: readonly unknown[] | undefined, caveats: string[]): readonly QsMeasureField[] | undefined {
  if (values && values.length > 1) caveats.push(`only the first of its ${values.length} values is drawn`);
  return values?.slice(0, 1) as QsMeasureField[] | undefined;
}

/** A series bound to the secondary Y axis would be drawn on the primary one's scale: not drawn. */
function noSecondaryAxis(config: { Series?: unknown[] }): void {
  if (JSON.stringify(config.Series ?? []).includes('SECONDARY_YAXIS')) throw new PreviewUnsupported('a series on the secondary Y axis');
}

const WELLS: Record<string, (body: any) => Wells> = {
  KPIVisual: (body) => {
    const wells = body.ChartConfiguration?.FieldWells ?? {};
    const caveats: string[] = [];
    const values = onlyFirstValue(wells.Values, caveats);
    if (wells.TargetValues?.length || wells.TrendGroups?.length) caveats.push('its comparison with the target or the trend is not drawn (the value is)');
    return { kind: 'kpi', values, caveats };
  },
  BarChartVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.BarChartAggregatedFieldWells ?? {};
    noSmallMultiples(wells);
    const arrangement = String(config.BarsArrangement ?? '');
    return {
      kind: 'bar',
      category: wells.Category,
      color: wells.Colors,
      values: wells.Values,
      sort: sortKeys(config.SortConfiguration?.CategorySort),
      limit: itemsLimit(config.SortConfiguration?.CategoryItemsLimit),
      options: {
        horizontal: config.Orientation === 'HORIZONTAL',
        stacked: arrangement.startsWith('STACKED'),
        percent: arrangement === 'STACKED_PERCENT',
        ...valueAxis(config.ValueAxis),
      },
    };
  },
  LineChartVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.LineChartAggregatedFieldWells ?? {};
    noSmallMultiples(wells);
    noSecondaryAxis(config);
    return {
      kind: 'line',
      category: wells.Category,
      color: wells.Colors,
      values: wells.Values,
      sort: sortKeys(config.SortConfiguration?.CategorySort),
      limit: itemsLimit(config.SortConfiguration?.CategoryItemsLimitConfiguration),
      options: { lineType: lineType(config.Type), ...valueAxis(config.PrimaryYAxisDisplayOptions?.AxisOptions) },
    };
  },
  PieChartVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.PieChartAggregatedFieldWells ?? {};
    const thickness = config.DonutOptions?.ArcOptions?.ArcThickness;
    noSmallMultiples(wells);
    const caveats: string[] = [];
    return {
      kind: 'pie',
      category: wells.Category,
      values: onlyFirstValue(wells.Values, caveats),
      caveats,
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
    const caveats: string[] = [];
    return {
      kind: 'heatmap',
      category: wells.Rows,
      color: wells.Columns,
      values: onlyFirstValue(wells.Values, caveats),
      caveats,
      sort: [...sortKeys(sorting.HeatMapRowSort), ...sortKeys(sorting.HeatMapColumnSort)],
      limit: itemsLimit(sorting.HeatMapRowItemsLimitConfiguration),
    };
  },
};

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
