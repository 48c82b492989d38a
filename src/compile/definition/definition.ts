import type { AnalysisDefinition, FilterGroup, SheetDefinition, Visual } from '@aws-sdk/client-quicksight';
import type { CheckedBoard } from '../../language/index.ts';
import { buildVisual } from '../visuals/registry.ts';
import { sheetControlLayout, sheetControls } from './controls.ts';
import { filterGroup } from './filters.ts';
import { ANALYSIS_DEFAULTS, gridLayout } from './layout.ts';
import { parameterDeclaration } from './parameters.ts';

/**
 * The full QuickSight definition of a checked Dashboard or Analysis: dataset declarations,
 * parameters, filter groups, and the sheets with their visuals, controls, grid layouts and control
 * layouts. The same
 * definition serves the analysis and the dashboard published from it.
 */
export function boardDefinition(board: CheckedBoard, datasetArn: (datasetId: string) => string): AnalysisDefinition {
  const visualGroups: FilterGroup[] = [];
  const Sheets = board.sheets.map((sheet): SheetDefinition => {
    const Visuals: Visual[] = sheet.visuals.map((checked) => {
      const built = buildVisual(checked);
      visualGroups.push(...(built.filterGroups ?? []));
      return built.visual;
    });
    const { ParameterControls, FilterControls } = sheetControls(sheet.controls);
    return {
      SheetId: sheet.id,
      Name: sheet.title,
      ...(sheet.description ? { Description: sheet.description } : {}),
      ContentType: 'INTERACTIVE',
      Visuals,
      ...(ParameterControls.length > 0 ? { ParameterControls } : {}),
      ...(FilterControls.length > 0 ? { FilterControls } : {}),
      Layouts: [gridLayout(sheet)],
      ...(sheet.controls.length > 0 ? { SheetControlLayouts: [sheetControlLayout(sheet.controls)] } : {}),
    };
  });
  const ParameterDeclarations = board.parameters.map(parameterDeclaration);
  const FilterGroups = [...board.filters.map(filterGroup), ...visualGroups];
  return {
    DataSetIdentifierDeclarations: board.datasets.map((d) => ({ Identifier: d.alias, DataSetArn: datasetArn(d.dataset.spec.id) })),
    Sheets,
    ...(ParameterDeclarations.length > 0 ? { ParameterDeclarations } : {}),
    ...(FilterGroups.length > 0 ? { FilterGroups } : {}),
    AnalysisDefaults: ANALYSIS_DEFAULTS,
  };
}
