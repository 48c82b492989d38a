import type { Field, Visual, VisualType } from './schema/index.ts';
import type { JsonPath } from './load/located.ts';

/** The keys of each visual type that hold fields (a field or a list of fields). */
export const FIELD_ROLES: Readonly<Record<VisualType, readonly string[]>> = {
  kpi: ['value'],
  bar: ['x', 'y', 'color'],
  line: ['x', 'y', 'color'],
  pie: ['group', 'value'],
  table: ['columns'],
  pivot: ['rows', 'columns', 'values'],
  heatmap: ['rows', 'columns', 'value'],
  raw: [],
};

/** The roles each visual type shows as measures (aggregated values). */
const MEASURE_ROLES: Readonly<Record<VisualType, readonly string[]>> = {
  kpi: ['value'],
  bar: ['y'],
  line: ['y'],
  pie: ['value'],
  table: [],
  pivot: ['values'],
  heatmap: ['value'],
  raw: [],
};

/**
 * How a field is placed: a `dimension` groups (no aggregation), a `measure` is aggregated; a table's
 * columns and sort keys may be `either`.
 */
export type FieldPlacement = 'dimension' | 'measure' | 'either';

export interface VisualField {
  readonly field: Field;
  readonly path: JsonPath;
  readonly role: string;
  readonly placement: FieldPlacement;
}

/** Every field a visual uses, with its path relative to the visual: roles, then sort keys. */
export function visualFields(visual: Visual): VisualField[] {
  const found: VisualField[] = [];
  const record = visual as unknown as Record<string, Field | Field[] | undefined>;
  for (const role of FIELD_ROLES[visual.type]) {
    const value = record[role];
    const placement = visual.type === 'table' ? 'either' : MEASURE_ROLES[visual.type].includes(role) ? 'measure' : 'dimension';
    if (Array.isArray(value)) value.forEach((field, i) => found.push({ field, path: [role, i], role, placement }));
    else if (value !== undefined) found.push({ field: value, path: [role], role, placement });
  }
  if ('sort' in visual && visual.sort) visual.sort.forEach((s, i) => found.push({ field: s.by, path: ['sort', i, 'by'], role: 'sort', placement: 'either' }));
  return found;
}
