import type { CreateDashboardCommandInput } from '@aws-sdk/client-quicksight';
import { permissionsFor, type DesiredBase } from '../../compile/index.ts';
import { quicksightDashboard } from '../../compile/quicksight/board.ts';
import type { CompileContext } from '../kind.ts';
import { boardDependencies, boardThemeArn, compiledBoards } from '../shared/boards.ts';
import { DASHBOARD_ACTIONS } from './permissions.ts';

export type DashboardResource = DesiredBase<'Dashboard', CreateDashboardCommandInput, 'CreateDashboard'>;

/** A dashboard per Dashboard spec, from the same definition as its analysis (not from a template). */
export function compileDashboards(ctx: CompileContext): DashboardResource[] {
  const permissions = permissionsFor(DASHBOARD_ACTIONS, ctx.target.principals, { viewers: true });
  return compiledBoards(ctx).flatMap((board) => {
    const spec = board.spec;
    if (spec.kind !== 'Dashboard') return [];
    const definition = structuredClone(board.definition);
    return [
      {
        kind: 'Dashboard',
        id: board.id,
        source: board.source,
        service: 'quicksight',
        operation: 'CreateDashboard',
        input: quicksightDashboard({ spec, target: ctx.target, id: board.id, definition, permissions, themeArn: boardThemeArn(ctx, board), tags: board.tags }),
        dependsOn: boardDependencies(board),
      },
    ];
  });
}
