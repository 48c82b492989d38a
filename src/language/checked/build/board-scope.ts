import type { OutputColumn } from '../../dataset-columns.ts';
import type { AnalysisSpec, DashboardSpec } from '../../schema/index.ts';
import type { BoardDataSet, CheckedDataSet } from '../specs.ts';
import { must } from './gate-bug.ts';

/** What the parts of one board resolve against: its datasets by alias and their columns. */
export class BoardScope {
  readonly datasets: readonly BoardDataSet[];

  constructor(
    readonly spec: DashboardSpec | AnalysisSpec,
    datasets: ReadonlyMap<string, CheckedDataSet>,
  ) {
    this.datasets = Object.entries(spec.datasets)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([alias, id]) => ({ alias, dataset: must(datasets.get(id), `board ${spec.id}: dataset ${id}`) }));
  }

  /** The dataset an element names by alias, or the board's only one. */
  dataset(alias: string | undefined): BoardDataSet {
    if (alias === undefined)
      return must(this.datasets.length === 1 ? this.datasets[0] : undefined, `board ${this.spec.id}: an element without a dataset alias`);
    return must(
      this.datasets.find((d) => d.alias === alias),
      `board ${this.spec.id}: dataset alias ${alias}`,
    );
  }

  column(dataset: BoardDataSet, name: string): OutputColumn {
    return must(dataset.dataset.columns.get(name), `board ${this.spec.id}: column ${name} of dataset ${dataset.dataset.spec.id}`);
  }
}
