import { isObject, walk, type DefinitionPath, type JsonObject } from './walk.ts';

/** An id a definition gives something (a sheet, visual, field, filter…) and where. */
export interface IdUse {
  readonly id: string;
  readonly path: DefinitionPath;
}

/** A column named somewhere in a definition, with what holds it (a field, a filter, a sort…). */
export interface ColumnUse {
  readonly path: DefinitionPath;
  readonly dataset: string | undefined;
  readonly column: string;
  /** The property the column identifier sits under: Column, SortBy, LinkToDataSetColumn… */
  readonly key: string | undefined;
  /** The property the object holding it sits under (NumericalMeasureField, CategoryFilter…). */
  readonly holderKey: string | undefined;
  /** The aggregation applied to it there, if any. */
  readonly aggregation: Aggregation | undefined;
  /** Whether the column is named by a topic (Q) rather than a data set. */
  readonly topic: boolean;
  /** The visual it is in, if any. */
  readonly visualId: string | undefined;
}

/** An aggregation (SUM, COUNT, PERCENTILE…) and the kind of values its function is declared for, when it says. */
export interface Aggregation {
  readonly name: string;
  readonly over?: 'number' | 'date' | 'text';
}

export interface SheetUse extends IdUse {
  readonly visuals: readonly IdUse[];
  readonly node: JsonObject;
}

export interface ControlUse extends IdUse {
  readonly sheetId: string;
  /** The filter a filter control drives. */
  readonly sourceFilterId: string | undefined;
}

export interface FilterGroupUse extends IdUse {
  readonly node: JsonObject;
}

/** Everything QuickSight's rules look at, collected in one walk over a definition. */
export interface DefinitionIndex {
  readonly definition: unknown;
  readonly sheets: readonly SheetUse[];
  readonly visuals: readonly IdUse[];
  /** Field ids the field wells of a visual define, with the visual each belongs to. */
  readonly fields: readonly (IdUse & { readonly visualId: string | undefined })[];
  /** Field ids a sort names (`FieldSort`), with its visual. */
  readonly fieldSorts: readonly (IdUse & { readonly visualId: string | undefined })[];
  readonly filters: readonly (IdUse & { readonly group: JsonObject })[];
  readonly filterGroups: readonly FilterGroupUse[];
  readonly controls: readonly ControlUse[];
  readonly parameters: readonly IdUse[];
  readonly parameterRefs: readonly IdUse[];
  readonly columns: readonly ColumnUse[];
  readonly declared: readonly (IdUse & { readonly arn: string | undefined })[];
  /** Calculated fields the definition adds to a data set identifier. */
  readonly calculated: readonly (IdUse & { readonly dataset: string | undefined; readonly expression: string | undefined })[];
}

const FILTER_KINDS = new Set([
  'CategoryFilter',
  'NumericRangeFilter',
  'NumericEqualityFilter',
  'TimeEqualityFilter',
  'TimeRangeFilter',
  'RelativeDatesFilter',
  'TopBottomFilter',
  'NestedFilter',
]);

/** Properties naming a parameter of the definition (API model: members of shape ParameterName). */
const PARAMETER_REFS = ['ParameterName', 'SourceParameterName', 'DestinationParameterName', 'Parameter'];

export function indexDefinition(definition: unknown): DefinitionIndex {
  const index = {
    definition,
    sheets: [] as SheetUse[],
    visuals: [] as IdUse[],
    fields: [] as DefinitionIndex['fields'][number][],
    fieldSorts: [] as DefinitionIndex['fieldSorts'][number][],
    filters: [] as DefinitionIndex['filters'][number][],
    filterGroups: [] as FilterGroupUse[],
    controls: [] as ControlUse[],
    parameters: [] as IdUse[],
    parameterRefs: [] as IdUse[],
    columns: [] as ColumnUse[],
    declared: [] as DefinitionIndex['declared'][number][],
    calculated: [] as DefinitionIndex['calculated'][number][],
  };
  walk(isObject(definition) ? definition : {}, ({ node, path, key, ancestors }) => {
    const str = (k: string) => (typeof node[k] === 'string' ? (node[k] as string) : undefined);
    const parent = ancestors[ancestors.length - 1];
    const visual = [...ancestors, { node, key }].find((a) => typeof a.node.VisualId === 'string' && a.key?.endsWith('Visual'));
    const visualId = visual ? (visual.node.VisualId as string) : undefined;
    if (key === 'Sheets' && str('SheetId')) index.sheets.push({ id: str('SheetId')!, path: [...path, 'SheetId'], visuals: sheetVisuals(node, path), node });
    if (key === 'DataSetIdentifierDeclarations' && str('Identifier') !== undefined)
      index.declared.push({ id: str('Identifier')!, path: [...path, 'Identifier'], arn: str('DataSetArn') });
    if (key === 'CalculatedFields' && str('Name'))
      index.calculated.push({ id: str('Name')!, path: [...path, 'Name'], dataset: str('DataSetIdentifier'), expression: str('Expression') });
    if (key?.endsWith('Visual') && str('VisualId')) index.visuals.push({ id: str('VisualId')!, path: [...path, 'VisualId'] });
    // Fields are defined in field wells (a column, or a calculated measure's expression); elsewhere —
    // insight computations, tooltips, sorts, palettes — a FieldId names one.
    const defines = isObject(node.Column) || typeof node.Expression === 'string';
    if (str('FieldId') && defines && ancestors.some((a) => a.key === 'FieldWells'))
      index.fields.push({ id: str('FieldId')!, path: [...path, 'FieldId'], visualId });
    if (key === 'FieldSort' && str('FieldId')) index.fieldSorts.push({ id: str('FieldId')!, path: [...path, 'FieldId'], visualId });
    if (key === 'FilterGroups' && str('FilterGroupId')) index.filterGroups.push({ id: str('FilterGroupId')!, path: [...path, 'FilterGroupId'], node });
    if (key && FILTER_KINDS.has(key) && str('FilterId')) {
      index.filters.push({ id: str('FilterId')!, path: [...path, 'FilterId'], group: ancestors.find((a) => a.key === 'FilterGroups')?.node ?? {} });
    }
    for (const idKey of ['ParameterControlId', 'FilterControlId']) {
      const sheet = ancestors.find((a) => a.key === 'Sheets')?.node;
      if (str(idKey))
        index.controls.push({ id: str(idKey)!, path: [...path, idKey], sheetId: String(sheet?.SheetId ?? ''), sourceFilterId: str('SourceFilterId') });
    }
    if (key?.endsWith('ParameterDeclaration') && str('Name')) index.parameters.push({ id: str('Name')!, path: [...path, 'Name'] });
    if (!key?.endsWith('ParameterDeclaration')) {
      for (const refKey of PARAMETER_REFS) if (str(refKey)) index.parameterRefs.push({ id: str(refKey)!, path: [...path, refKey] });
    }
    if (str('ColumnName') && parent) {
      index.columns.push({
        path,
        dataset: str('DataSetIdentifier'),
        column: str('ColumnName')!,
        key,
        holderKey: parent.key,
        aggregation: aggregationOf(parent.node),
        topic: node.TopicIdentifier !== undefined,
        visualId,
      });
    }
  });
  return index;
}

/** The visuals of a sheet (`{ <Type>Visual: { VisualId } }`) with the path of each id. */
function sheetVisuals(sheet: JsonObject, path: DefinitionPath): IdUse[] {
  return (Array.isArray(sheet.Visuals) ? sheet.Visuals : []).flatMap((v, i) => {
    const inner = isObject(v) ? Object.entries(v).find(([, x]) => isObject(x) && typeof x.VisualId === 'string') : undefined;
    return inner ? [{ id: (inner[1] as JsonObject).VisualId as string, path: [...path, 'Visuals', i, inner[0], 'VisualId'] }] : [];
  });
}

/**
 * The aggregation a field, sort or filter applies to its column: `AggregationFunction` as a plain
 * name (CategoricalMeasureField, DateMeasureField), a `SimpleNumericalAggregation` (NumericalMeasureField),
 * or one of AggregationFunction's members (sorts: numerical, categorical, date; PERCENTILE for a percentile).
 */
function aggregationOf(holder: JsonObject): Aggregation | undefined {
  const fn = holder.AggregationFunction;
  if (typeof fn === 'string') return { name: fn };
  if (!isObject(fn)) return undefined;
  if (typeof fn.SimpleNumericalAggregation === 'string') return { name: fn.SimpleNumericalAggregation, over: 'number' };
  if (isObject(fn.PercentileAggregation)) return { name: 'PERCENTILE', over: 'number' };
  const numerical = fn.NumericalAggregationFunction;
  if (isObject(numerical))
    return { name: typeof numerical.SimpleNumericalAggregation === 'string' ? numerical.SimpleNumericalAggregation : 'PERCENTILE', over: 'number' };
  if (typeof fn.CategoricalAggregationFunction === 'string') return { name: fn.CategoricalAggregationFunction, over: 'text' };
  if (typeof fn.DateAggregationFunction === 'string') return { name: fn.DateAggregationFunction, over: 'date' };
  return undefined;
}
