import type { DashboardVersionDefinition, SheetDefinition } from '@aws-sdk/client-quicksight';
import type { ControlModel, DashboardModel, GridPlacement, SheetModel } from '../model.ts';
import { controlledFilterIds, readFilterControl, readParameterControl, readParameters } from './controls.ts';
import { readFilters } from './filters.ts';
import { readVisual } from './visuals.ts';

export { filterApplies } from './filters.ts';

/** Reads a dashboard definition into the preview model; `problems` name what the preview leaves out. */
export function readDefinition(input: { id: string; name: string; definition: DashboardVersionDefinition }): { model: DashboardModel; problems: string[] } {
  const { definition } = input;
  const sheetDefinitions = definition.Sheets ?? [];
  const filterControls = sheetDefinitions.flatMap((sheet) => sheet.FilterControls ?? []);
  const { filters, problems: filterProblems } = readFilters(definition.FilterGroups ?? [], controlledFilterIds(filterControls));
  const problems = filterProblems.map((p) => `filter ${p.filterId}: ${p.message}`);
  const sheets = sheetDefinitions.map((sheet) => readSheet(sheet, problems));
  const datasets: Record<string, string> = {};
  for (const declaration of definition.DataSetIdentifierDeclarations ?? []) {
    if (declaration.Identifier && declaration.DataSetArn) datasets[declaration.Identifier] = declaration.DataSetArn;
  }
  const model: DashboardModel = { id: input.id, name: input.name, sheets, parameters: readParameters(definition.ParameterDeclarations ?? []), filters, datasets };
  return { model, problems };
}

function readSheet(sheet: SheetDefinition, problems: string[]): SheetModel {
  const sheetId = sheet.SheetId!;
  const visuals = (sheet.Visuals ?? []).map((visual) => readVisual(visual, sheetId));
  for (const visual of visuals) {
    if (visual.kind === 'unsupported') problems.push(`sheet ${sheetId}, visual ${visual.id}: ${visual.reason}`);
  }
  const controls: ControlModel[] = [];
  for (const control of sheet.ParameterControls ?? []) {
    const read = readParameterControl(control, sheetId);
    if (read) controls.push(read);
    else problems.push(`sheet ${sheetId}: the preview cannot show a ${Object.keys(control)[0]} parameter control`);
  }
  for (const control of sheet.FilterControls ?? []) {
    const read = readFilterControl(control, sheetId);
    if (read) controls.push(read);
    else problems.push(`sheet ${sheetId}: the preview cannot show a ${Object.keys(control)[0]} filter control`);
  }
  return {
    id: sheetId,
    title: sheet.Title ?? sheet.Name ?? sheetId,
    ...(sheet.Description ? { description: sheet.Description } : {}),
    visuals,
    controls,
    layout: gridLayout(sheet),
  };
}

function gridLayout(sheet: SheetDefinition): Record<string, GridPlacement> {
  const layout: Record<string, GridPlacement> = {};
  for (const element of sheet.Layouts?.[0]?.Configuration?.GridLayout?.Elements ?? []) {
    if (element.ElementType !== 'VISUAL' || !element.ElementId) continue;
    layout[element.ElementId] = {
      col: element.ColumnIndex ?? 0,
      row: element.RowIndex ?? 0,
      width: element.ColumnSpan ?? 18,
      height: element.RowSpan ?? 8,
    };
  }
  return layout;
}
