import { isObject, unionMember, type DefinitionPath } from './walk.ts';

/**
 * The lists whose items QuickSight names in an error's `ViolatedEntities` (`sheet/s1/visual/v1`,
 * `filter-group/g1/sheet/s1/visual/v2`), with the id that names an item.
 */
const ENTITIES: Readonly<Record<string, { readonly segment: string; readonly id: (item: unknown) => unknown }>> = {
  Sheets: { segment: 'sheet', id: (s) => field(s, 'SheetId') },
  Visuals: { segment: 'visual', id: (v) => field(unionMember(v), 'VisualId') },
  FilterControls: { segment: 'filter-control', id: (c) => field(unionMember(c), 'FilterControlId') },
  ParameterControls: { segment: 'parameter-control', id: (c) => field(unionMember(c), 'ParameterControlId') },
  FilterGroups: { segment: 'filter-group', id: (g) => field(g, 'FilterGroupId') },
  Filters: { segment: 'filter', id: (f) => field(unionMember(f), 'FilterId') },
  SheetVisualScopingConfigurations: { segment: 'sheet', id: (c) => field(c, 'SheetId') },
  VisualIds: { segment: 'visual', id: (id) => id },
  CalculatedFields: { segment: 'calculated-field', id: (f) => field(f, 'Name') },
  ParameterDeclarations: { segment: 'parameter', id: (p) => field(unionMember(p), 'Name') },
  DataSetIdentifierDeclarations: { segment: 'data-set-identifier', id: (d) => field(d, 'Identifier') },
};

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

/**
 * QuickSight's name for the entity at `path` in a definition (the path QuickSight puts in an error's
 * `ViolatedEntities`): each list item on the way that QuickSight names, as `segment/id`, joined by `/`;
 * `definition` when there is none.
 */
export function entityAt(definition: unknown, path: DefinitionPath): string {
  const segments: string[] = [];
  let current: unknown = definition;
  let key: string | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      const item = Array.isArray(current) ? current[step] : undefined;
      const entity = key === undefined ? undefined : ENTITIES[key];
      if (entity) segments.push(`${entity.segment}/${String(entity.id(item) ?? '?')}`);
      current = item;
    } else {
      key = step;
      current = isObject(current) ? current[step] : undefined;
    }
  }
  return segments.length > 0 ? segments.join('/') : 'definition';
}
