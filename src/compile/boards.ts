import type { CheckedBoard } from '../language/index.ts';
import { boardDefinition } from './definition/definition.ts';
import { quicksightArn, resourceId } from './names.ts';
import { quicksightAnalysis, quicksightDashboard } from './quicksight/board.ts';
import type { DesiredResource } from './resource.ts';
import { resourceTags } from './tags.ts';
import type { ResolvedTarget } from './target.ts';

interface BoardInputs {
  readonly target: ResolvedTarget;
  readonly projectTags?: Record<string, string>;
}

/** The analysis (and for a Dashboard, the dashboard) of a checked board, from one definition. */
export function compileBoard(board: CheckedBoard, inputs: BoardInputs): DesiredResource[] {
  const { target } = inputs;
  const spec = board.spec;
  const definition = boardDefinition(board, (datasetId) => quicksightArn(target, 'dataset', resourceId(target, datasetId)));
  const id = resourceId(target, spec.id);
  const tags = resourceTags({ specId: spec.id, spec, projectTags: inputs.projectTags, target });
  const source = { file: board.file, specId: spec.id };
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
