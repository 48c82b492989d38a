import type { AnalysisSpec, DashboardSpec } from '../../language/schema/index.ts';
import type { Located } from '../../language/specset.ts';
import type { OutputColumn } from '../../language/dataset-columns.ts';
import type { Problems } from '../problems.ts';

export type JsonPath = readonly (string | number)[];

/** A dataset as a definition sees it: its identifier (the alias in `datasets`) and its columns. */
export interface DatasetRef {
  readonly identifier: string;
  readonly datasetId: string;
  readonly columns: ReadonlyMap<string, OutputColumn>;
}

/** What compiling one Dashboard or Analysis needs: the spec, its datasets, where problems go. */
export class BoardContext {
  constructor(
    readonly located: Located<DashboardSpec | AnalysisSpec>,
    readonly datasets: ReadonlyMap<string, DatasetRef>,
    private readonly problems: Problems,
  ) {}

  get spec(): DashboardSpec | AnalysisSpec {
    return this.located.spec;
  }

  report(path: JsonPath, message: string): void {
    this.problems.report(this.located, path, message);
  }

  /** The dataset an element names by alias, or the only one; reports and returns undefined when unclear. */
  dataset(alias: string | undefined, path: JsonPath): DatasetRef | undefined {
    if (alias !== undefined) {
      const found = this.datasets.get(alias);
      if (!found) this.report([...path, 'dataset'], `unknown dataset alias "${alias}" (declared: ${[...this.datasets.keys()].join(', ')})`);
      return found;
    }
    if (this.datasets.size === 1) return [...this.datasets.values()][0];
    this.report(path, `name the dataset: this ${this.spec.kind.toLowerCase()} uses ${[...this.datasets.keys()].join(', ')}`);
    return undefined;
  }

  /** The column `name` of `dataset`; reports and returns undefined when it has no such column. */
  column(dataset: DatasetRef, name: string, path: JsonPath): OutputColumn | undefined {
    const found = dataset.columns.get(name);
    if (!found) this.report(path, `dataset ${dataset.datasetId} has no column "${name}"`);
    return found;
  }
}
