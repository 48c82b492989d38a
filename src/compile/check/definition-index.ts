import { isObject, walk, type JsonObject, type Path } from './walk.ts';

/** A column named somewhere in the definition, with what holds it (a field, a filter, a sort…). */
export interface ColumnUse {
  readonly path: Path;
  readonly dataset: string | undefined;
  readonly column: string;
  /** The property the column identifier sits under: Column, SortBy, LinkToDataSetColumn… */
  readonly key: string | undefined;
  /** The object holding it and the property that object sits under (e.g. NumericalMeasureField). */
  readonly holder: JsonObject | undefined;
  readonly holderKey: string | undefined;
  /** The visual it is in, if any. */
  readonly visualId: string | undefined;
}

export interface IdUse {
  readonly id: string;
  readonly path: Path;
}

/** Everything the QuickSight rules look at, collected in one walk over a definition. */
export interface DefinitionIndex {
  readonly sheets: readonly { readonly id: string; readonly path: Path; readonly visuals: readonly IdUse[]; readonly node: JsonObject }[];
  readonly visuals: readonly IdUse[];
  readonly fields: readonly IdUse[];
  readonly filters: readonly (IdUse & { readonly group: JsonObject })[];
  readonly filterGroups: readonly (IdUse & { readonly node: JsonObject })[];
  readonly controls: readonly (IdUse & { readonly node: JsonObject; readonly sheetId: string })[];
  readonly parameters: readonly IdUse[];
  readonly parameterRefs: readonly IdUse[];
  readonly columns: readonly ColumnUse[];
  readonly declared: readonly IdUse[];
}

const FILTER_KINDS = new Set(['CategoryFilter', 'NumericRangeFilter', 'NumericEqualityFilter', 'TimeEqualityFilter', 'TimeRangeFilter', 'RelativeDatesFilter', 'TopBottomFilter', 'NestedFilter']);

export function indexDefinition(definition: unknown): DefinitionIndex {
  const def = isObject(definition) ? definition : {};
  const index = {
    sheets: [] as DefinitionIndex['sheets'][number][],
    visuals: [] as IdUse[],
    fields: [] as IdUse[],
    filters: [] as DefinitionIndex['filters'][number][],
    filterGroups: [] as DefinitionIndex['filterGroups'][number][],
    controls: [] as DefinitionIndex['controls'][number][],
    parameters: [] as IdUse[],
    parameterRefs: [] as IdUse[],
    columns: [] as ColumnUse[],
    declared: [] as IdUse[],
  };
  walk(def, ({ node, path, key, ancestors }) => {
    const parent = ancestors[ancestors.length - 1];
    const visual = [...ancestors, { node, key }].find((a) => typeof a.node.VisualId === 'string' && a.key?.endsWith('Visual'));
    const str = (k: string) => (typeof node[k] === 'string' ? (node[k] as string) : undefined);
    if (key === 'Sheets' && str('SheetId')) {
      const visuals = (Array.isArray(node.Visuals) ? node.Visuals : []).flatMap((v, i) => {
        const inner = isObject(v) ? Object.entries(v).find(([, x]) => isObject(x) && typeof x.VisualId === 'string') : undefined;
        return inner ? [{ id: (inner[1] as JsonObject).VisualId as string, path: [...path, 'Visuals', i, inner[0], 'VisualId'] }] : [];
      });
      index.sheets.push({ id: str('SheetId')!, path: [...path, 'SheetId'], visuals, node });
    }
    if (key === 'DataSetIdentifierDeclarations' && str('Identifier') !== undefined) index.declared.push({ id: str('Identifier')!, path: [...path, 'Identifier'] });
    if (key?.endsWith('Visual') && str('VisualId')) index.visuals.push({ id: str('VisualId')!, path: [...path, 'VisualId'] });
    if (str('FieldId') && isObject(node.Column) && key !== 'ApplyTo') index.fields.push({ id: str('FieldId')!, path: [...path, 'FieldId'] });
    if (key === 'FilterGroups' && str('FilterGroupId')) index.filterGroups.push({ id: str('FilterGroupId')!, path: [...path, 'FilterGroupId'], node });
    if (key && FILTER_KINDS.has(key) && str('FilterId')) {
      const group = ancestors.find((a) => a.key === 'FilterGroups')?.node ?? {};
      index.filters.push({ id: str('FilterId')!, path: [...path, 'FilterId'], group });
    }
    for (const idKey of ['ParameterControlId', 'FilterControlId']) {
      const sheet = ancestors.find((a) => a.key === 'Sheets')?.node;
      if (str(idKey)) index.controls.push({ id: str(idKey)!, path: [...path, idKey], node, sheetId: String(sheet?.SheetId ?? '') });
    }
    if (key?.endsWith('ParameterDeclaration') && str('Name')) index.parameters.push({ id: str('Name')!, path: [...path, 'Name'] });
    for (const refKey of ['ParameterName', 'SourceParameterName', 'Parameter']) {
      if (str(refKey) && !key?.endsWith('ParameterDeclaration')) index.parameterRefs.push({ id: str(refKey)!, path: [...path, refKey] });
    }
    if (str('ColumnName') && parent) {
      index.columns.push({
        path,
        dataset: str('DataSetIdentifier'),
        column: str('ColumnName')!,
        key,
        holder: parent.node,
        holderKey: parent.key,
        visualId: visual ? (visual.node.VisualId as string) : undefined,
      });
    }
  });
  return index;
}
