import type { DataSetSpec, DataType } from './schema/index.ts';

/** The QuickSight type of a column of each spec type (decimals are QuickSight DECIMAL, floating point). */
export const QUICKSIGHT_TYPE = {
  string: 'STRING',
  integer: 'INTEGER',
  decimal: 'DECIMAL',
  datetime: 'DATETIME',
  boolean: 'BOOLEAN',
} as const satisfies Record<DataType, string>;

/** A column a dataset offers to visuals, filters and controls. */
export interface OutputColumn {
  readonly name: string;
  /** Declared type; columns default to string, calculated fields without a type are unknown. */
  readonly type: DataType | undefined;
  readonly calculated: boolean;
}

/** The output columns of a dataset: its declared columns, then its calculated fields. */
export function datasetColumns(dataset: DataSetSpec): Map<string, OutputColumn> {
  const columns = new Map<string, OutputColumn>();
  for (const c of dataset.columns) columns.set(c.name, { name: c.name, type: c.type ?? 'string', calculated: false });
  for (const c of dataset.calculated ?? []) columns.set(c.name, { name: c.name, type: c.type, calculated: true });
  return columns;
}

/** `{column}` references in a QuickSight calculated-field expression. */
export function calculatedRefs(expression: string): { name: string; offset: number }[] {
  return [...expression.matchAll(/\{([^{}]+)\}/g)].map((m) => ({ name: (m[1] ?? '').trim(), offset: m.index + 1 }));
}
