/** A QuickSight rule a definition breaks, at a path inside the definition. */
export interface DefinitionProblem {
  /** e.g. `Sheets[0].Visuals[2].BarChartVisual.VisualId` */
  readonly path: string;
  readonly rule: 'unique-id' | 'dataset-declared' | 'column-exists' | 'column-type' | 'filter-scope' | 'reference' | 'layout';
  readonly message: string;
}

/** A dataset as the definition sees it: its identifier and output columns (QuickSight or spec types). */
export interface DatasetColumns {
  readonly identifier: string;
  /** Type as QuickSight names it (STRING, INTEGER, DECIMAL, DATETIME, BOOLEAN…) or in spec case; absent when unknown. */
  readonly columns: readonly { readonly name: string; readonly type?: string }[];
}
