import type { CorpusEntry } from './corpus.ts';

type Json = Record<string, any>;

/** How QuickSight refuses a variant: the request itself, or the creation with an error of a type at an entity. */
export type Refusal =
  | { readonly request: 'ValidationException' | 'InvalidParameterValueException'; readonly message: RegExp }
  | { readonly creation: string; readonly entity: RegExp };

/**
 * A broken variant of a real definition, written by us: `breaks` changes a copy of a corpus
 * definition (false when that definition has nothing to break this way) the way `evidence` says
 * QuickSight refuses, and `refusal` is how it does.
 */
export interface Variant {
  readonly name: string;
  readonly evidence: string;
  readonly breaks: (definition: Json, columns: ColumnTypes) => boolean;
  readonly refusal: Refusal;
}

/** The output column types of a definition's data sets, by data set identifier. */
export type ColumnTypes = (identifier: string) => ReadonlyMap<string, string>;

/** Every object under `value` with the property it sits under, depth first. */
function* objects(value: unknown, key?: string): Generator<{ node: Json; key: string | undefined }> {
  if (Array.isArray(value)) for (const item of value) yield* objects(item, key);
  else if (typeof value === 'object' && value !== null) {
    yield { node: value as Json, key };
    for (const [k, v] of Object.entries(value)) yield* objects(v, k);
  }
}

const first = (value: unknown, test: (node: Json, key: string | undefined) => boolean): Json | undefined => {
  for (const { node, key } of objects(value)) if (test(node, key)) return node;
  return undefined;
};

/** A column of `type` in the data set `identifier`, if it has one. */
const columnOfType = (columns: ColumnTypes, identifier: string, type: string) => [...columns(identifier)].find(([, t]) => t === type)?.[0];

const visualsOf = (sheet: Json): Json[] => (sheet.Visuals ?? []).map((v: Json) => Object.values(v)[0] as Json);

export const VARIANTS: readonly Variant[] = [
  {
    name: 'a filter group scoped to ALL_VISUALS of a sheet that lists visual ids',
    evidence: 'hashicorp/terraform-provider-aws#33754',
    breaks: (d) => {
      const config = first(d.FilterGroups, (n, k) => k === 'SheetVisualScopingConfigurations' && n.Scope === 'SELECTED_VISUALS' && n.VisualIds?.length > 0);
      if (config) config.Scope = 'ALL_VISUALS';
      return !!config;
    },
    refusal: {
      request: 'InvalidParameterValueException',
      message: /^FilterGroups scoped to ALL_VISUALS must not have a list of visualIds, {2}\n\t at Filter Group [\w-]+\.$/,
    },
  },
  {
    name: 'a category filter with both CategoryValues and SelectAllOptions',
    evidence: 'hashicorp/terraform-provider-aws#33222, #33753',
    breaks: (d) => {
      const list = first(d.FilterGroups, (n, k) => k === 'FilterListConfiguration' && Array.isArray(n.CategoryValues) && n.SelectAllOptions === undefined);
      if (list) list.SelectAllOptions = 'FILTER_ALL_VALUES';
      return !!list;
    },
    refusal: {
      request: 'InvalidParameterValueException',
      message: /^Category Filter must define only one of: CategoryValue\(s\), ParameterName, SelectAllOptions, {2}\n\t at Filter [\w-]+\.$/,
    },
  },
  {
    name: 'a Visual with two members set',
    evidence: 'the API reference\'s Visual: "a union type structure … only one of the attributes can be defined"; terraform-provider-aws#39715',
    breaks: (d) => {
      const visuals = d.Sheets?.find((s: Json) => s.Visuals?.length > 0)?.Visuals;
      if (!visuals || visuals[0].TableVisual) return false;
      visuals[0].TableVisual = { VisualId: 'second-member' };
      return true;
    },
    refusal: {
      request: 'ValidationException',
      message:
        /at 'definition\.sheets\.\d+\.member\.visuals\.1\.member' failed to satisfy constraint: Only 1 member of \[tableVisual, .*\] should be provided for structure Visual/,
    },
  },
  {
    name: 'a FilterScopeConfiguration with two members set',
    evidence: "the API reference's FilterScopeConfiguration (a union type structure); terraform-provider-aws#39715",
    breaks: (d) => {
      const scope = first(d.FilterGroups, (n, k) => k === 'ScopeConfiguration' && n.SelectedSheets !== undefined);
      if (scope) scope.AllSheets = {};
      return !!scope;
    },
    refusal: {
      request: 'ValidationException',
      message:
        /at 'definition\.filterGroups\.\d+\.member\.scopeConfiguration' failed to satisfy constraint: Only 1 member of \[selectedSheets, allSheets\] should be provided for structure FilterScopeConfiguration/,
    },
  },
  {
    name: "a VisualId outside [\\w\\-]+ ('total events!')",
    evidence: "the API model's ShortRestrictiveResourceId (pattern [\\w\\-]+, CloudFormation's ^[\\w\\-]+$)",
    breaks: (d) => {
      const visual = d.Sheets?.flatMap(visualsOf)[0];
      if (visual) visual.VisualId = 'total events!';
      return !!visual;
    },
    refusal: {
      request: 'ValidationException',
      message:
        /Value 'total events!' at 'definition\.sheets\.\d+\.member\.visuals\.1\.member\.\w+\.visualId' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w\\-\]\+/,
    },
  },
  {
    name: 'a filter on a parameter that is not declared',
    evidence: 'aws-solutions-library-samples/cloud-intelligence-dashboards-framework#567',
    breaks: (d) => {
      const filter = first(d.FilterGroups, (n) => typeof n.ParameterName === 'string' || typeof n.Parameter === 'string');
      if (!filter) return false;
      if (typeof filter.ParameterName === 'string') filter.ParameterName = 'DeletedParameter';
      else filter.Parameter = 'DeletedParameter';
      return true;
    },
    refusal: { creation: 'FILTER_SOURCE_PARAMETER_NOT_FOUND', entity: /^filter-group\/[\w-]+\/filter\/[\w-]+$/ },
  },
  {
    name: 'SUM over a string column',
    evidence: 'the API model\'s NumericalMeasureField ("the measure type field with numerical type columns"); issue 14',
    breaks: (d, columns) => {
      const field = first(
        d.Sheets,
        (n, k) => k === 'NumericalMeasureField' && n.Column?.DataSetIdentifier && columnOfType(columns, n.Column.DataSetIdentifier, 'STRING') !== undefined,
      );
      if (!field) return false;
      field.Column = { ...field.Column, ColumnName: columnOfType(columns, field.Column.DataSetIdentifier, 'STRING') };
      field.AggregationFunction = { SimpleNumericalAggregation: 'SUM' };
      return true;
    },
    refusal: { creation: 'COLUMN_TYPE_MISMATCH', entity: /^sheet\/[\w-]+\/visual\/[\w-]+$/ },
  },
  {
    name: 'a date dimension on a string column',
    evidence: 'the API model\'s DateDimensionField ("the dimension type field with date type columns"); issue 14',
    breaks: (d, columns) => {
      const field = first(
        d.Sheets,
        (n, k) => k === 'DateDimensionField' && n.Column?.DataSetIdentifier && columnOfType(columns, n.Column.DataSetIdentifier, 'STRING') !== undefined,
      );
      if (field) field.Column = { ...field.Column, ColumnName: columnOfType(columns, field.Column.DataSetIdentifier, 'STRING') };
      return !!field;
    },
    refusal: { creation: 'COLUMN_TYPE_MISMATCH', entity: /^sheet\/[\w-]+\/visual\/[\w-]+$/ },
  },
  {
    name: 'a time filter on a string column',
    evidence: "the API model's TimeRangeFilter and RelativeDatesFilter (date columns); issue 14",
    breaks: (d, columns) => {
      const filter = first(
        d.FilterGroups,
        (n, k) =>
          (k === 'TimeRangeFilter' || k === 'RelativeDatesFilter') &&
          n.Column?.DataSetIdentifier &&
          columnOfType(columns, n.Column.DataSetIdentifier, 'STRING') !== undefined,
      );
      if (filter) filter.Column = { ...filter.Column, ColumnName: columnOfType(columns, filter.Column.DataSetIdentifier, 'STRING') };
      return !!filter;
    },
    refusal: { creation: 'COLUMN_TYPE_MISMATCH', entity: /^filter-group\/[\w-]+\/filter\/[\w-]+$/ },
  },
  {
    name: 'a calculated field whose expression leaves a parenthesis open',
    evidence: "QuickSight's calculated-field syntax; issue 14",
    breaks: (d) => {
      const field = d.CalculatedFields?.[0];
      if (field) field.Expression = `sum(${field.Expression}`;
      return !!field;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^calculated-field\/.+$/ },
  },
  {
    name: 'two fields of one id in the field wells of one visual',
    evidence: 'the API model\'s FieldId ("the custom field ID", unique within a visual: real exports reuse them across visuals only); issue 14',
    breaks: (d) => {
      for (const visual of (d.Sheets ?? []).flatMap(visualsOf)) {
        const fields = [...objects(visual.ChartConfiguration?.FieldWells)]
          .map(({ node }) => node)
          .filter((n) => typeof n.FieldId === 'string' && (n.Column || n.Expression));
        if (fields.length >= 2 && fields[0].FieldId !== fields[1].FieldId) {
          fields[1].FieldId = fields[0].FieldId;
          return true;
        }
      }
      return false;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^sheet\/[\w-]+\/visual\/[\w-]+$/ },
  },
  {
    name: 'a sort on a field the visual does not have',
    evidence: 'the API model\'s FieldSort.FieldId ("the sort configuration target field"); issue 14',
    breaks: (d) => {
      const sort = first(d.Sheets, (n, k) => k === 'FieldSort' && typeof n.FieldId === 'string');
      if (sort) sort.FieldId = 'no-such-field';
      return !!sort;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^sheet\/[\w-]+\/visual\/[\w-]+$/ },
  },
  {
    name: 'a date picker on a category filter',
    evidence: 'the API model\'s FilterDateTimePickerControl ("a control from a date filter"); issue 14',
    breaks: (d) => {
      const categories = new Set([...objects(d.FilterGroups)].filter(({ key }) => key === 'CategoryFilter').map(({ node }) => node.FilterId));
      for (const sheet of d.Sheets ?? []) {
        const control = (sheet.FilterControls ?? []).find((c: Json) => (c.Dropdown ?? c.List) && categories.has((c.Dropdown ?? c.List).SourceFilterId));
        if (!control) continue;
        const { FilterControlId, Title, SourceFilterId } = control.Dropdown ?? control.List;
        delete control.Dropdown;
        delete control.List;
        control.DateTimePicker = { FilterControlId, Title, SourceFilterId };
        return true;
      }
      return false;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^sheet\/[\w-]+\/filter-control\/[\w-]+$/ },
  },
  {
    name: 'a filter control on a sheet its filter does not apply to',
    evidence: "the API model's SheetVisualScopingConfiguration (the sheets a filter applies to); issue 14",
    breaks: (d) => {
      const sheets: Json[] = d.Sheets ?? [];
      for (const group of d.FilterGroups ?? []) {
        const scoped = new Set((group.ScopeConfiguration?.SelectedSheets?.SheetVisualScopingConfigurations ?? []).map((c: Json) => c.SheetId));
        const other = sheets.find((s) => !scoped.has(s.SheetId));
        const filterId = (Object.values(group.Filters?.[0] ?? {})[0] as Json | undefined)?.FilterId;
        if (scoped.size === 0 || !other || !filterId) continue;
        (other.FilterControls ??= []).push({ Dropdown: { FilterControlId: 'stray-control', Title: 'Stray', SourceFilterId: filterId } });
        return true;
      }
      return false;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^sheet\/[\w-]+\/filter-control\/stray-control$/ },
  },
  {
    name: 'a cross-sheet control whose filter lost its DefaultFilterControlConfiguration',
    evidence:
      'the API model\'s FilterCrossSheetControl (no title or widget of its own) and DefaultFilterControlConfiguration ("shared by all controls that are tied to this filter"); the corpus: all 55 cross-sheet controls have one; issue 14',
    breaks: (d) => {
      const control = first(d.Sheets, (n, k) => k === 'CrossSheet' && typeof n.SourceFilterId === 'string');
      const filter = control && first(d.FilterGroups, (n) => n.FilterId === control.SourceFilterId && n.DefaultFilterControlConfiguration !== undefined);
      if (filter) delete filter.DefaultFilterControlConfiguration;
      return !!filter;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^sheet\/[\w-]+\/filter-control\/[\w-]+$/ },
  },
  {
    name: 'a cross-sheet control whose filter was narrowed to its one sheet',
    evidence: 'the API model\'s FilterCrossSheetControl ("a control from a filter that is scoped across more than one sheet"); issue 14',
    breaks: (d) => {
      for (const sheet of d.Sheets ?? []) {
        const control = (sheet.FilterControls ?? []).find((c: Json) => c.CrossSheet);
        const group =
          control &&
          (d.FilterGroups ?? []).find((g: Json) => g.Filters?.some((f: Json) => (Object.values(f)[0] as Json).FilterId === control.CrossSheet.SourceFilterId));
        if (!group) continue;
        group.ScopeConfiguration = { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: sheet.SheetId, Scope: 'ALL_VISUALS' }] } };
        for (const other of d.Sheets) {
          if (other !== sheet)
            other.FilterControls = other.FilterControls?.filter((c: Json) => c.CrossSheet?.SourceFilterId !== control.CrossSheet.SourceFilterId);
        }
        return true;
      }
      return false;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^sheet\/[\w-]+\/filter-control\/[\w-]+$/ },
  },
  {
    name: 'a grid element past column 36',
    evidence: "the API model's GridLayoutElement (ColumnIndex 0–35, ColumnSpan 1–36 of a 36-column grid); issue 14",
    breaks: (d) => {
      const element = first(d.Sheets, (n, k) => k === 'Elements' && typeof n.ColumnSpan === 'number' && typeof n.RowSpan === 'number');
      if (!element) return false;
      element.ColumnIndex = 30;
      element.ColumnSpan = 10;
      return true;
    },
    refusal: { creation: 'PARAMETER_VALUE_INCOMPATIBLE', entity: /^sheet\/[\w-]+$/ },
  },
  {
    name: "the console's leftover MissingColumnId_ field, published STRICT",
    evidence: 'ValidationStrategy (API reference: LENIENT skips "specific UI errors"); the export cid/aws-budgets publishes with LENIENT',
    breaks: (d) => JSON.stringify(d).includes('MissingColumnId_'),
    refusal: { creation: 'COLUMN_REPLACEMENT_MISSING', entity: /^sheet\/[\w-]+\/visual\/[\w-]+$/ },
  },
];

/** The corpus entry each variant is made from (the first it applies to), with the variant's definition. */
export function variantsOf(
  corpus: readonly CorpusEntry[],
  columnsOf: (entry: CorpusEntry) => ColumnTypes,
): { variant: Variant; entry: CorpusEntry; definition: Json }[] {
  return VARIANTS.map((variant) => {
    for (const entry of corpus) {
      const definition = structuredClone(entry.definition);
      if (variant.breaks(definition, columnsOf(entry))) return { variant, entry, definition };
    }
    throw new Error(`no corpus definition can be broken as '${variant.name}'`);
  });
}
