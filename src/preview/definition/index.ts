import type { DashboardVersionDefinition, Filter, FilterControl, SheetDefinition } from '@aws-sdk/client-quicksight';
import type { AnyVisual, ControlModel, DashboardModel, GridPlacement, ParameterModel, SheetModel } from '../dashboard-model.ts';
import { controlledFilterIds, type FilterControlContext, readFilterControl, readParameterControl, readParameters } from './controls.ts';
import { filterApplies, readFilters, type TopBottomFilter } from './filters.ts';
import { readVisual } from './visuals.ts';

export { filterApplies } from './filters.ts';

/** Reads a dashboard definition into the preview model; `problems` name what the preview leaves out. */
export function readDefinition(input: { id: string; name: string; definition: DashboardVersionDefinition; now?: Date }): {
  model: DashboardModel;
  problems: string[];
  /** The definition's calculated fields, by dataset identifier. */
  calculated: Map<string, { name: string; expression: string }[]>;
} {
  const { definition } = input;
  const sheetDefinitions = definition.Sheets ?? [];
  const filterControls = sheetDefinitions.flatMap((sheet) => sheet.FilterControls ?? []);
  const now = input.now ?? new Date();
  const parameters = readParameters(definition.ParameterDeclarations ?? [], now);
  const dates = { now, parameters: dateParameters(parameters) };
  const { filters, topBottom, problems: filterProblems } = readFilters(definition.FilterGroups ?? [], controlledFilterIds(filterControls), dates);
  const problems = filterProblems.map((p) => `filter ${p.filterId}: ${p.message}`);
  const controlContext = filterControlContext(definition);
  const sheets = sheetDefinitions
    .map((sheet) => readSheet(sheet, problems, controlContext))
    .map((sheet) => ({
      ...sheet,
      visuals: sheet.visuals.map((visual) => topBottom.reduce((v, filter) => applyTopBottom(v, filter, problems), visual)),
    }));
  const datasets: Record<string, string> = {};
  for (const declaration of definition.DataSetIdentifierDeclarations ?? []) {
    if (declaration.Identifier && declaration.DataSetArn) datasets[declaration.Identifier] = declaration.DataSetArn;
  }
  const model: DashboardModel = { id: input.id, name: input.name, sheets, parameters, filters, datasets, now: now.toISOString() };
  const calculated = new Map<string, { name: string; expression: string }[]>();
  for (const field of definition.CalculatedFields ?? []) {
    if (!field.DataSetIdentifier || !field.Name || !field.Expression) continue;
    calculated.set(field.DataSetIdentifier, [...(calculated.get(field.DataSetIdentifier) ?? []), { name: field.Name, expression: field.Expression }]);
  }
  return { model, problems, calculated };
}

/** Every filter of the definition by id, and each filter's own control (not a cross-sheet one). */
function filterControlContext(definition: DashboardVersionDefinition): FilterControlContext {
  const filters = new Map<string, Filter>();
  for (const group of definition.FilterGroups ?? []) {
    for (const filter of group.Filters ?? []) {
      const id = (Object.values(filter).find((b) => b !== undefined) as { FilterId?: string } | undefined)?.FilterId;
      if (id) filters.set(id, filter);
    }
  }
  const controls = new Map<string, FilterControl>();
  for (const sheet of definition.Sheets ?? []) {
    for (const control of sheet.FilterControls ?? []) {
      if (control.CrossSheet) continue;
      const id = (Object.values(control).find((b) => b !== undefined) as { SourceFilterId?: string } | undefined)?.SourceFilterId;
      if (id && !controls.has(id)) controls.set(id, control);
    }
  }
  return { filters, controls };
}

function readSheet(sheet: SheetDefinition, problems: string[], controlContext: FilterControlContext): SheetModel {
  const sheetId = sheet.SheetId!;
  const visuals = (sheet.Visuals ?? []).map((visual) => readVisual(visual, sheetId));
  for (const visual of visuals) {
    if (visual.kind === 'unsupported') problems.push(`sheet ${sheetId}, visual ${visual.id}, ${visual.typeName}: ${visual.reason}`);
    else for (const caveat of visual.caveats ?? []) problems.push(`sheet ${sheetId}, visual ${visual.id}: ${caveat}`);
  }
  const controls: ControlModel[] = [];
  for (const control of sheet.ParameterControls ?? []) {
    const read = readParameterControl(control, sheetId);
    if (read) controls.push(read);
    else problems.push(`sheet ${sheetId}: the preview cannot show a ${Object.keys(control)[0]} parameter control`);
  }
  for (const control of sheet.FilterControls ?? []) {
    const read = readFilterControl(control, sheetId, controlContext);
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

/** A top-N filter on the column a visual groups by is that visual's item limit; elsewhere the preview says it is left out. */
function applyTopBottom(visual: AnyVisual, filter: TopBottomFilter, problems: string[]): AnyVisual {
  if (visual.kind === 'unsupported') return visual;
  if (!filterApplies({ ...filter, crossDataset: false }, visual, new Set())) return visual;
  const categories = visual.dimensions.filter((d) => visual.roles.category.includes(d.fieldId));
  if (!visual.unaggregated && visual.roles.color.length === 0 && categories.length === 1 && categories[0]!.column === filter.column) {
    return { ...visual, limit: Math.min(visual.limit ?? filter.limit, filter.limit) };
  }
  problems.push(
    `filter ${filter.id}: the preview applies a top ${filter.limit} filter only to visuals grouped by ${filter.column} alone (not to ${visual.id})`,
  );
  return visual;
}

/** Date-time parameters' values (their defaults, as the page opens), for rolling and relative dates. */
function dateParameters(parameters: readonly ParameterModel[]): Map<string, Date> {
  const values = new Map<string, Date>();
  for (const p of parameters) {
    if (p.type === 'datetime' && p.defaults[0] !== undefined) values.set(p.name, new Date(`${String(p.defaults[0]).replace(' ', 'T')}Z`));
  }
  return values;
}
