/** One object inside a definition, with the QuickSight entity it belongs to (`sheet/s1/visual/v1`). */
export interface Visit {
  readonly node: Record<string, unknown>;
  readonly entity: string;
}

/**
 * Every object of an analysis or dashboard definition, depth first, each with the entity path
 * QuickSight names in `ViolatedEntities` (sheet, visual, filter group, control, calculated field).
 */
export function* walkDefinition(definition: Record<string, unknown>): Generator<Visit> {
  yield* walk(definition, 'definition');
}

function* walk(value: unknown, entity: string): Generator<Visit> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item, entity);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  yield { node, entity };
  for (const [key, child] of Object.entries(node)) {
    if (Array.isArray(child)) for (const item of child) yield* walk(item, entityOf(entity, key, item));
    else yield* walk(child, entity);
  }
}

const ENTITY_OF_LIST: Readonly<Record<string, { readonly segment: string; readonly id: (item: any) => unknown }>> = {
  Sheets: { segment: 'sheet', id: (s) => s.SheetId },
  Visuals: { segment: 'visual', id: (v) => unionMember(v)?.VisualId },
  FilterControls: { segment: 'filter-control', id: (c) => unionMember(c)?.FilterControlId },
  ParameterControls: { segment: 'parameter-control', id: (c) => unionMember(c)?.ParameterControlId },
  FilterGroups: { segment: 'filter-group', id: (g) => g.FilterGroupId },
  CalculatedFields: { segment: 'calculated-field', id: (f) => f.Name },
  ParameterDeclarations: { segment: 'parameter', id: (p) => unionMember(p)?.Name },
  DataSetIdentifierDeclarations: { segment: 'data-set-identifier', id: (d) => d.Identifier },
};

function entityOf(entity: string, key: string, item: unknown): string {
  const kind = ENTITY_OF_LIST[key];
  if (!kind || !item || typeof item !== 'object') return entity;
  const base = entity === 'definition' ? '' : `${entity}/`;
  return `${base}${kind.segment}/${String(kind.id(item) ?? '?')}`;
}

/** The one member set in a union shape such as `{ BarChartVisual: {...} }`. */
export function unionMember(value: unknown): Record<string, any> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const members = Object.values(value as Record<string, unknown>).filter((v) => v && typeof v === 'object');
  return members[0] as Record<string, any> | undefined;
}
