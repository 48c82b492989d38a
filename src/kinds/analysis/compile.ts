import type { CreateAnalysisCommandInput } from '@aws-sdk/client-quicksight';
import { permissionsFor, type DesiredBase } from '../../compile/index.ts';
import { quicksightAnalysis } from '../../compile/quicksight/board.ts';
import type { CompileContext } from '../kind.ts';
import { boardDependencies, boardThemeArn, compiledBoards } from '../shared/boards.ts';
import { ANALYSIS_ACTIONS } from './permissions.ts';

export type AnalysisResource = DesiredBase<'Analysis', CreateAnalysisCommandInput, 'CreateAnalysis'>;

/** An analysis per board spec: the explorable side of a Dashboard, or an Analysis spec. */
export function compileAnalyses(ctx: CompileContext): AnalysisResource[] {
  return compiledBoards(ctx).map((board) => {
    const permissions = permissionsFor(ANALYSIS_ACTIONS, ctx.target.principals, { viewers: board.spec.kind === 'Analysis' });
    return {
      kind: 'Analysis',
      id: board.id,
      source: board.source,
      service: 'quicksight',
      operation: 'CreateAnalysis',
      input: quicksightAnalysis({
        spec: board.spec,
        target: ctx.target,
        id: board.id,
        definition: board.definition,
        permissions,
        themeArn: boardThemeArn(ctx, board),
        tags: board.tags,
      }),
      dependsOn: boardDependencies(board),
    };
  });
}
