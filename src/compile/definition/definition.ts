import type { AnalysisDefinition, FilterGroup, SheetDefinition, Visual } from '@aws-sdk/client-quicksight';
import { buildVisual } from '../visuals/registry.ts';
import type { BoardContext } from './context.ts';
import { sheetControls } from './controls.ts';
import { filterGroups } from './filters.ts';
import { gridLayout } from './layout.ts';
import { parameterDeclarations } from './parameters.ts';

/**
 * The full QuickSight definition of a Dashboard or Analysis spec: dataset declarations, parameters,
 * filter groups, and the sheets with their visuals, controls and grid layouts. The same definition
 * serves the analysis and the dashboard published from it.
 */
export function boardDefinition(ctx: BoardContext, datasetArn: (datasetId: string) => string): AnalysisDefinition {
  const { groups, filters } = filterGroups(ctx);
  const visualGroups: FilterGroup[] = [];
  const Sheets = ctx.spec.sheets.map((sheet, s): SheetDefinition => {
    const sheetPath = ['sheets', s];
    const Visuals: Visual[] = [];
    sheet.visuals.forEach((spec, v) => {
      const built = buildVisual(spec, { ctx, path: [...sheetPath, 'visuals', v], sheetId: sheet.id });
      if (!built) return;
      Visuals.push(built.visual);
      visualGroups.push(...(built.filterGroups ?? []));
    });
    const { ParameterControls, FilterControls } = sheetControls(ctx, sheet, sheetPath, filters);
    return {
      SheetId: sheet.id,
      Name: sheet.title,
      ...(sheet.description ? { Description: sheet.description } : {}),
      ContentType: 'INTERACTIVE',
      Visuals,
      ...(ParameterControls.length > 0 ? { ParameterControls } : {}),
      ...(FilterControls.length > 0 ? { FilterControls } : {}),
      Layouts: [gridLayout(ctx, sheet, sheetPath)],
    };
  });
  const ParameterDeclarations = parameterDeclarations(ctx);
  const FilterGroups = [...groups, ...visualGroups];
  return {
    DataSetIdentifierDeclarations: [...ctx.datasets.values()]
      .sort((a, b) => (a.identifier < b.identifier ? -1 : 1))
      .map((d) => ({ Identifier: d.identifier, DataSetArn: datasetArn(d.datasetId) })),
    Sheets,
    ...(ParameterDeclarations.length > 0 ? { ParameterDeclarations } : {}),
    ...(FilterGroups.length > 0 ? { FilterGroups } : {}),
  };
}
