/** A place in a definition: property names and list indexes, e.g. ['Sheets', 0, 'Visuals', 2]. */
export type DefinitionPath = readonly (string | number)[];

export type JsonObject = Record<string, unknown>;

/** An object met while walking, with the property it sits under and its ancestors (nearest last). */
export interface Visit {
  readonly node: JsonObject;
  readonly path: DefinitionPath;
  /** The property name the object sits under (for a list item: the list's name). */
  readonly key: string | undefined;
  readonly ancestors: readonly { readonly node: JsonObject; readonly key: string | undefined }[];
}

/** Calls `visit` for every object inside `value`, depth first, parents before children. */
export function walk(value: unknown, visit: (v: Visit) => void): void {
  const step = (current: unknown, path: DefinitionPath, key: string | undefined, ancestors: Visit['ancestors']): void => {
    if (Array.isArray(current)) {
      current.forEach((item, i) => step(item, [...path, i], key, ancestors));
    } else if (isObject(current)) {
      visit({ node: current, path, key, ancestors });
      const inner = [...ancestors, { node: current, key }];
      for (const [k, v] of Object.entries(current)) step(v, [...path, k], k, inner);
    }
  };
  step(value, [], undefined, []);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The one member set in a union shape such as `{ BarChartVisual: {...} }`. */
export function unionMember(value: unknown): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  return Object.values(value).find(isObject);
}

/** `Sheets[0].Visuals[2].BarChartVisual`: a path as people read it. */
export function pathText(path: DefinitionPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The value at `path` inside `value`, if there is one. */
export function valueAt(value: unknown, path: DefinitionPath): unknown {
  let current = value;
  for (const step of path) current = Array.isArray(current) ? current[step as number] : isObject(current) ? current[step] : undefined;
  return current;
}
