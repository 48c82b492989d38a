import type { RuleInput } from './rule.ts';

/** A declared data set identifier: its ARN and, when the data set exists, its columns by name (type as QuickSight names it). */
export interface DeclaredDataSet {
  readonly arn: string;
  readonly columns: ReadonlyMap<string, string | undefined> | undefined;
}

/**
 * The data sets a definition declares, by identifier (the first declaration of each), with their
 * output columns and the calculated fields the definition adds to them (of unknown type).
 */
export function declaredDataSets({ index, dataSetColumns }: RuleInput): Map<string, DeclaredDataSet> {
  const declared = new Map<string, DeclaredDataSet>();
  for (const declaration of index.declared) {
    if (declared.has(declaration.id)) continue;
    const arn = declaration.arn ?? '';
    const columns = dataSetColumns(arn);
    declared.set(declaration.id, { arn, columns: columns && new Map(columns.map((c) => [c.name, c.type])) });
  }
  for (const field of index.calculated) {
    const dataSet = field.dataset === undefined ? undefined : declared.get(field.dataset);
    if (dataSet?.columns) (dataSet.columns as Map<string, string | undefined>).set(field.id, undefined);
  }
  return declared;
}
