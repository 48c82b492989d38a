/** A parameter with its type and its defaults, each of that type. */
export type CheckedParameter =
  | { readonly name: string; readonly type: 'string'; readonly multiValue: boolean; readonly defaults: readonly string[] }
  | { readonly name: string; readonly type: 'integer' | 'decimal'; readonly multiValue: boolean; readonly defaults: readonly number[] }
  /** A datetime parameter holds one value; its default is an ISO 8601 date-time. */
  | { readonly name: string; readonly type: 'datetime'; readonly defaults: readonly string[] };
