import type { DefinitionError } from '../records.ts';
import { error } from './references.ts';
import { unionMember } from './walk.ts';

const INCOMPATIBLE = 'PARAMETER_VALUE_INCOMPATIBLE';

/** Duplicate ids, and layouts, filter scopes and filter controls that point at nothing. */
export function structureErrors(definition: Record<string, any>): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const sheets = new Map<string, Set<string>>();
  const visualIds = new Set<string>();
  const filterIds = new Set<string>();

  for (const group of definition.FilterGroups ?? []) {
    for (const filter of group.Filters ?? []) {
      const id = unionMember(filter)?.FilterId;
      if (filterIds.has(id)) errors.push(error(INCOMPATIBLE, `Filter id '${id}' is used more than once.`, `filter-group/${group.FilterGroupId}`));
      filterIds.add(id);
    }
  }

  for (const sheet of definition.Sheets ?? []) {
    const where = `sheet/${sheet.SheetId}`;
    if (sheets.has(sheet.SheetId)) errors.push(error(INCOMPATIBLE, `Sheet id '${sheet.SheetId}' is used more than once.`, where));
    const elements = new Set<string>();
    sheets.set(sheet.SheetId, elements);
    for (const visual of sheet.Visuals ?? []) {
      const id = unionMember(visual)?.VisualId;
      if (visualIds.has(id)) errors.push(error(INCOMPATIBLE, `Visual id '${id}' is used more than once; visual ids must be unique in the whole definition.`, `${where}/visual/${id}`));
      visualIds.add(id);
      elements.add(id);
    }
    for (const control of sheet.FilterControls ?? []) {
      const member = unionMember(control);
      elements.add(member?.FilterControlId);
      if (member?.SourceFilterId && !filterIds.has(member.SourceFilterId))
        errors.push(error(INCOMPATIBLE, `Filter control '${member.FilterControlId}' uses filter '${member.SourceFilterId}', which no filter group defines.`, `${where}/filter-control/${member.FilterControlId}`));
    }
    for (const control of sheet.ParameterControls ?? []) elements.add(unionMember(control)?.ParameterControlId);
    for (const box of sheet.TextBoxes ?? []) elements.add(box.SheetTextBoxId);
    for (const image of sheet.Images ?? []) elements.add(image.SheetImageId);
    for (const layout of sheet.Layouts ?? []) {
      const configuration = layout.Configuration ?? {};
      const layoutElements = [
        ...(configuration.GridLayout?.Elements ?? []),
        ...(configuration.FreeFormLayout?.Elements ?? []),
        ...(configuration.SectionBasedLayout?.BodySections ?? []).flatMap((s: any) => s.Content?.Layout?.FreeFormLayout?.Elements ?? []),
      ];
      for (const element of layoutElements) {
        if (!elements.has(element.ElementId))
          errors.push(error(INCOMPATIBLE, `The layout places ${String(element.ElementType ?? 'element').toLowerCase()} '${element.ElementId}', which the sheet does not have.`, where));
      }
    }
  }

  for (const group of definition.FilterGroups ?? []) {
    const where = `filter-group/${group.FilterGroupId}`;
    for (const scope of group.ScopeConfiguration?.SelectedSheets?.SheetVisualScopingConfigurations ?? []) {
      const elements = sheets.get(scope.SheetId);
      if (!elements) {
        errors.push(error(INCOMPATIBLE, `Filter group '${group.FilterGroupId}' is scoped to sheet '${scope.SheetId}', which does not exist.`, where));
        continue;
      }
      for (const visualId of scope.VisualIds ?? []) {
        if (!elements.has(visualId))
          errors.push(error(INCOMPATIBLE, `Filter group '${group.FilterGroupId}' is scoped to visual '${visualId}', which sheet '${scope.SheetId}' does not have.`, `${where}/sheet/${scope.SheetId}/visual/${visualId}`));
      }
    }
  }
  return errors;
}
