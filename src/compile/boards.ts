import type { AnalysisDefinition } from '@aws-sdk/client-quicksight';
import type { AnalysisSpec, CheckedBoard, DashboardSpec } from '../language/index.ts';
import { boardDefinition } from './definition/definition.ts';
import { resourceId } from './names.ts';
import { resourceTags } from './tags.ts';
import type { ResolvedTarget } from './target.ts';

interface BoardInputs {
  readonly target: ResolvedTarget;
  readonly projectTags?: Record<string, string>;
  /** The ARN of a dataset (by its resource id), as the definition names it. */
  readonly datasetArn: (id: string) => string;
}

/** A checked board (Dashboard or Analysis) compiled once: what its analysis and its dashboard share. */
export interface CompiledBoard {
  readonly spec: DashboardSpec | AnalysisSpec;
  /** The resource id of its analysis, and of its dashboard. */
  readonly id: string;
  readonly source: { readonly file: string; readonly specId: string };
  readonly definition: AnalysisDefinition;
  readonly tags: Record<string, string>;
  /** The resource ids of the datasets it reads, sorted. */
  readonly datasetIds: readonly string[];
  /** The resource id of the theme it is drawn with, if any. */
  readonly themeId?: string;
}

/** The definition of a checked board, with what its analysis (and for a Dashboard, its dashboard) are made of. */
export function compileBoard(board: CheckedBoard, inputs: BoardInputs): CompiledBoard {
  const { target } = inputs;
  const spec = board.spec;
  return {
    spec,
    id: resourceId(target, spec.id),
    source: { file: board.file, specId: spec.id },
    definition: boardDefinition(board, (datasetId) => inputs.datasetArn(resourceId(target, datasetId))),
    tags: resourceTags({ specId: spec.id, spec, projectTags: inputs.projectTags, target }),
    datasetIds: [...new Set(Object.values(spec.datasets))].sort().map((d) => resourceId(target, d)),
    ...(board.theme ? { themeId: resourceId(target, board.theme.spec.id) } : {}),
  };
}
