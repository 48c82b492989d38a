import type { Field, Visual, VisualType } from './model/index.ts';
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

/** Every field a visual uses, with its path relative to the visual: roles, then sort keys. */
export function visualFields(visual: Visual): { field: Field; path: JsonPath; role: string }[] {
  const found: { field: Field; path: JsonPath; role: string }[] = [];
  const record = visual as unknown as Record<string, Field | Field[] | undefined>;
  for (const role of FIELD_ROLES[visual.type]) {
    const value = record[role];
    if (Array.isArray(value)) value.forEach((field, i) => found.push({ field, path: [role, i], role }));
    else if (value !== undefined) found.push({ field: value, path: [role], role });
  }
  if ('sort' in visual && visual.sort) visual.sort.forEach((s, i) => found.push({ field: s.by, path: ['sort', i, 'by'], role: 'sort' }));
  return found;
}
