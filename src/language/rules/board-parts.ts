import { datasetColumns, type OutputColumn } from '../dataset-columns.ts';
import type { JsonPath } from '../load/located.ts';
import type { AnalysisSpec, ControlSpec, DashboardSpec, DataSetSpec, Visual } from '../schema/index.ts';
import { rawColumnRefs } from '../raw-columns.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './rule.ts';

export type Board = DashboardSpec | AnalysisSpec;

/** Every visual of a board with its path and sheet. */
export function boardVisuals(board: Board): { visual: Visual; path: JsonPath; sheetId: string }[] {
  return board.sheets.flatMap((sheet, i) => sheet.visuals.map((visual, j) => ({ visual, path: ['sheets', i, 'visuals', j], sheetId: sheet.id })));
}

/** Every control of a board with its path and sheet. */
export function boardControls(board: Board): { control: ControlSpec; path: JsonPath; sheetId: string }[] {
  return board.sheets.flatMap((sheet, i) => (sheet.controls ?? []).map((control, j) => ({ control, path: ['sheets', i, 'controls', j], sheetId: sheet.id })));
}

/** The dataset a visual, filter or control reads: its alias, or the board's only dataset. */
export function resolveAlias(board: Board, alias: string | undefined): { id?: string; problem?: string } {
  const aliases = Object.keys(board.datasets);
  if (alias !== undefined) {
    const id = board.datasets[alias];
    return id ? { id } : { problem: `no dataset alias '${alias}' in this ${board.kind.toLowerCase()}'s datasets${didYouMean(alias, aliases)}` };
  }
  const [only] = aliases;
  if (aliases.length === 1 && only !== undefined) return { id: board.datasets[only] };
  return { problem: `this ${board.kind.toLowerCase()} uses several datasets (${aliases.join(', ')}): name one with \`dataset: <alias>\`` };
}

/** The output columns a visual, filter or control can use, when its dataset resolves. */
export function columnsFor(
  context: RuleContext,
  board: Board,
  alias: string | undefined,
): { dataset: DataSetSpec; columns: Map<string, OutputColumn> } | undefined {
  const { id } = resolveAlias(board, alias);
  const dataset = context.datasets.find((d) => d.spec.id === id)?.spec;
  return dataset ? { dataset, columns: datasetColumns(dataset) } : undefined;
}

/** The dataset aliases a visual shows: its own (or the board's only one), or those a raw visual's columns name. */
export function visualAliases(board: Board, visual: Visual): string[] {
  if (visual.type === 'raw') return [...new Set(rawColumnRefs(visual.visual).map((ref) => ref.dataset))];
  const aliases = Object.keys(board.datasets);
  const alias = visual.dataset ?? (aliases.length === 1 ? aliases[0] : undefined);
  return alias !== undefined && alias in board.datasets ? [alias] : [];
}
