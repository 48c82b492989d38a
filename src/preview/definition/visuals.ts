import type {
  AxisDisplayOptions,
  DimensionField as QsDimensionField,
  LineChartType,
  MeasureField as QsMeasureField,
  ShortFormatText,
  UnaggregatedField,
  Visual,
} from '@aws-sdk/client-quicksight';
import type { AnyVisual, DimensionField, MeasureField, SortKey, UnsupportedVisual, VisualKind, VisualModel, VisualOptions } from '../dashboard-model.ts';
import { visualTypeName } from './visual-types.ts';
import { countOfRecords, dimensionField, itemsLimit, type Labels, measureField, PreviewUnsupported, sortKeys, unaggregatedField } from './fields.ts';

interface Wells {
  kind: VisualKind;
  category?: readonly QsDimensionField[];
  color?: readonly QsDimensionField[];
  values?: readonly QsMeasureField[];
  /** Unaggregated table columns. */
  columns?: readonly UnaggregatedField[];
  sort?: SortKey[];
  limit?: number;
  options?: VisualOptions;
  caveats?: string[];
}

/** Reads one QuickSight visual into the preview model, or a box naming its type and saying why it cannot be drawn. */
export function readVisual(visual: Visual, sheetId: string): AnyVisual {
  // Its one member: one of the SDK's visual types, or one QuickSight added since (a box naming it).
  const members: [string, unknown][] = Object.entries(visual);
  const [typeKey, body] = members.find(([, value]) => value !== undefined) ?? ['unknown', {}];
  // What every visual type has, read whatever the type: its id, title and subtitle.
  const common = isRecord(body) ? body : {};
  const id = typeof common.VisualId === 'string' ? common.VisualId : 'unknown';
  const title = plainText(formatText(common.Title));
  const subtitle = plainText(formatText(common.Subtitle));
  const unsupported = (reason: string): UnsupportedVisual => ({
    id,
    sheetId,
    kind: 'unsupported',
    visualType: typeKey,
    typeName: visualTypeName(typeKey),
    ...(title === undefined ? {} : { title }),
    reason,
  });
  const read = isVisualType(typeKey) ? readerOf(visual, typeKey) : undefined;
  if (!read) return unsupported('the preview cannot draw this type of visual');
  try {
    const wells = read();
    const labels = labelsOf(common.ChartConfiguration);
    const category = (wells.category ?? []).map((field) => dimensionField(field, labels));
    const color = (wells.color ?? []).map((field) => dimensionField(field, labels));
    const columns = (wells.columns ?? []).map((field) => unaggregatedField(field, labels));
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
function lineType(type: LineChartType | undefined): VisualOptions['lineType'] {
  if (type === undefined || type === 'LINE' || type === 'AREA' || type === 'STACKED_AREA') return type ?? 'LINE';
  throw new PreviewUnsupported(`line charts of type ${String(type)}`);
}

/**
 * A value axis' scale and range (AxisDisplayOptions.DataOptions.NumericAxisOptions): Logarithmic
 * with its Base (10 when unset), a MinMax range.
 */
function valueAxis(axis: AxisDisplayOptions | undefined): Pick<VisualOptions, 'valueAxis'> {
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
function onlyFirstValue(values: readonly QsMeasureField[] | undefined, caveats: string[]): readonly QsMeasureField[] | undefined {
  if (values && values.length > 1) caveats.push(`only the first of its ${values.length} values is drawn`);
  return values?.slice(0, 1);
}

/** A series bound to the secondary Y axis would be drawn on the primary one's scale: not drawn. */
function noSecondaryAxis(config: { Series?: unknown[] }): void {
  if (JSON.stringify(config.Series ?? []).includes('SECONDARY_YAXIS')) throw new PreviewUnsupported('a series on the secondary Y axis');
}

/** How the preview reads the wells of each visual type it draws, from the SDK's type of that visual. */
const WELLS: { readonly [K in keyof Visual]?: (body: NonNullable<Visual[K]>) => Wells } = {
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
      return { kind: 'table', columns: unaggregated.Values ?? [], sort, limit };
    }
    const wells = config.FieldWells?.TableAggregatedFieldWells ?? {};
    return { kind: 'table', category: wells.GroupBy, values: wells.Values, sort, limit };
  },
  PivotTableVisual: (body) => {
    const config = body.ChartConfiguration ?? {};
    const wells = config.FieldWells?.PivotTableAggregatedFieldWells ?? {};
    const sort: SortKey[] = [];
    // A sort by a column (ColumnSort: no field id) is not drawn and is dropped, as sortKeys drops one.
    for (const option of config.SortConfiguration?.FieldSortOptions ?? []) {
      const by = option.SortBy?.Field;
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

const isVisualType = (key: string): key is keyof Visual => Object.hasOwn(WELLS, key);

/** Reads the wells of the visual's member `key`, by that type's reader; undefined when the preview draws no such visual. */
function readerOf<K extends keyof Visual>(visual: Visual, key: K): (() => Wells) | undefined {
  const read = WELLS[key];
  const body = visual[key];
  return read && body ? () => read(body) : undefined;
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
    if (!isRecord(node)) return;
    const fieldId = node.FieldId ?? (isRecord(node.ApplyTo) ? node.ApplyTo.FieldId : undefined);
    if (typeof node.CustomLabel === 'string' && typeof fieldId === 'string' && !labels.has(fieldId)) labels.set(fieldId, node.CustomLabel);
    Object.values(node).forEach(walk);
  };
  walk(config);
  return labels;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/** A title's or subtitle's text (`VisualTitleLabelOptions.FormatText`), of a visual of any type. */
function formatText(label: unknown): ShortFormatText | undefined {
  if (!isRecord(label) || !isRecord(label.FormatText)) return undefined;
  const { PlainText, RichText } = label.FormatText;
  return { ...(typeof PlainText === 'string' ? { PlainText } : {}), ...(typeof RichText === 'string' ? { RichText } : {}) };
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
