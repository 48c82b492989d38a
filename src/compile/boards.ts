import type { DataSetSpec, AnalysisSpec, DashboardSpec } from '../language/schema/index.ts';
import type { Located } from '../language/specset.ts';
import { datasetColumns } from '../language/dataset-columns.ts';
import { BoardContext, type DatasetRef } from './definition/context.ts';
import { boardDefinition } from './definition/definition.ts';
import { quicksightArn, resourceId } from './names.ts';
import type { Problems } from './problems.ts';
import { quicksightAnalysis, quicksightDashboard } from './quicksight/board.ts';
import type { DesiredResource } from './resource.ts';
import { resourceTags } from './tags.ts';
import type { ResolvedTarget } from './target.ts';

interface BoardInputs {
  readonly datasets: ReadonlyMap<string, Located<DataSetSpec>>;
  readonly target: ResolvedTarget;
  readonly projectTags?: Record<string, string>;
  readonly problems: Problems;
}

/** The analysis (and for a Dashboard, the dashboard) of a board spec, from one definition. */
export function compileBoard(located: Located<DashboardSpec | AnalysisSpec>, inputs: BoardInputs): DesiredResource[] {
  const { target, problems } = inputs;
  const spec = located.spec;
  const refs = new Map<string, DatasetRef>();
  for (const [alias, datasetId] of Object.entries(spec.datasets)) {
    const dataset = inputs.datasets.get(datasetId);
    if (!dataset) {
      problems.report(located, ['datasets', alias], `no DataSet with id "${datasetId}"`);
      continue;
    }
    refs.set(alias, { identifier: alias, datasetId: resourceId(target, datasetId), columns: datasetColumns(dataset.spec) });
  }
  const ctx = new BoardContext(located, refs, problems);
  const definition = boardDefinition(ctx, (id) => quicksightArn(target, 'dataset', id));
  const id = resourceId(target, spec.id);
  const tags = resourceTags({ specId: spec.id, spec, projectTags: inputs.projectTags, target });
  const source = { file: located.file, specId: spec.id };
  const dependsOn = [...new Set(Object.values(spec.datasets))].sort().map((d) => `DataSet/${resourceId(target, d)}`);
  const resources: DesiredResource[] = [
    {
      kind: 'Analysis',
      id,
      source,
      service: 'quicksight',
      operation: 'CreateAnalysis',
      input: quicksightAnalysis({ spec, target, id, definition, tags }),
      dependsOn,
    },
  ];
  if (spec.kind === 'Dashboard') {
    resources.push({
      kind: 'Dashboard',
      id,
      source,
      service: 'quicksight',
      operation: 'CreateDashboard',
      input: quicksightDashboard({ spec, target, id, definition: structuredClone(definition), tags }),
      dependsOn,
    });
  }
  return resources;
}

