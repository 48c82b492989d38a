/** A column a raw QuickSight visual names: `{ DataSetIdentifier, ColumnName }` somewhere inside it. */
export interface RawColumnRef {
  readonly dataset: string;
  readonly column: string;
  /** Path inside the raw visual object. */
  readonly path: readonly (string | number)[];
}

/** Every `{ DataSetIdentifier, ColumnName }` in a raw visual, depth first. */
export function rawColumnRefs(value: unknown, path: readonly (string | number)[] = []): RawColumnRef[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => rawColumnRefs(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const here =
    typeof node.DataSetIdentifier === 'string' && typeof node.ColumnName === 'string'
      ? [{ dataset: node.DataSetIdentifier, column: node.ColumnName, path }]
      : [];
  return [...here, ...Object.entries(node).flatMap(([key, child]) => rawColumnRefs(child, [...path, key]))];
}
