import { compileBoard, type CompiledBoard } from '../../compile/boards.ts';
import { resourceKey } from '../../compile/index.ts';
import type { CompileContext } from '../kind.ts';
import { dataSetArn } from '../dataset/identity.ts';
import { themeArn } from '../theme/identity.ts';

/** Per compile: every board spec compiled once, for the analysis and the dashboard kinds alike. */
const compiled = new WeakMap<CompileContext, readonly CompiledBoard[]>();

/** The checked boards (Dashboards, then Analyses) compiled to their definitions, once per compile. */
export function compiledBoards(ctx: CompileContext): readonly CompiledBoard[] {
  const known = compiled.get(ctx);
  if (known) return known;
  const { specs, target } = ctx;
  const projectTags = specs.project.spec.tags ?? {};
  const datasetArn = (id: string) => dataSetArn(target, id);
  const boards = [...specs.dashboards, ...specs.analyses].map((board) => compileBoard(board, { target, projectTags, datasetArn }));
  compiled.set(ctx, boards);
  return boards;
}

/** A board's analysis and dashboard are made once its datasets and its theme exist. */
export function boardDependencies(board: CompiledBoard): string[] {
  return [...board.datasetIds.map((id) => resourceKey({ kind: 'DataSet', id })), ...(board.themeId ? [resourceKey({ kind: 'Theme', id: board.themeId })] : [])];
}

/** The ARN of a board's theme, if it names one (its analysis and dashboard carry it). */
export function boardThemeArn(ctx: CompileContext, board: CompiledBoard): string | undefined {
  return board.themeId ? themeArn(ctx.target, board.themeId) : undefined;
}
