import { GRID_COLUMNS } from '../limits.ts';
import { isObject } from '../definition/walk.ts';
import { violation, type DefinitionRule, type Violation } from './rule.ts';

/** The element lists of a sheet layout: grid, free-form, and the free-form layouts of sections. */
function layoutElements(layout: unknown): { elements: unknown[]; under: (string | number)[] }[] {
  const configuration = isObject(layout) && isObject(layout.Configuration) ? layout.Configuration : {};
  const lists: { elements: unknown[]; under: (string | number)[] }[] = [];
  for (const kind of ['GridLayout', 'FreeFormLayout']) {
    const body = configuration[kind];
    if (isObject(body) && Array.isArray(body.Elements)) lists.push({ elements: body.Elements, under: ['Configuration', kind, 'Elements'] });
  }
  const sections = isObject(configuration.SectionBasedLayout) ? configuration.SectionBasedLayout.BodySections : undefined;
  (Array.isArray(sections) ? sections : []).forEach((section, i) => {
    const freeForm = isObject(section) && isObject(section.Content) && isObject(section.Content.Layout) ? section.Content.Layout.FreeFormLayout : undefined;
    if (isObject(freeForm) && Array.isArray(freeForm.Elements)) {
      lists.push({
        elements: freeForm.Elements,
        under: ['Configuration', 'SectionBasedLayout', 'BodySections', i, 'Content', 'Layout', 'FreeFormLayout', 'Elements'],
      });
    }
  });
  return lists;
}

/**
 * A sheet's layouts — and its control layouts (SheetControlLayouts) — place elements the sheet has
 * (its visuals, controls, text boxes, images), each at most once in a layout.
 *
 * A grid element ends within the grid's 36 columns.
 *
 * Evidence: the API model's `GridLayoutElement.ElementId`, "a unique identifier for an element within
 * a grid layout"; `SheetControlLayout`, "a grid layout to define the placement of sheet control", and ElementType (VISUAL, FILTER_CONTROL, PARAMETER_CONTROL, TEXT_BOX, IMAGE); its
 * ColumnIndex (0–35) and ColumnSpan (1–36) of a grid 36 columns wide (limits.ts); an element past
 * column 36: issue 14 (very likely refused). The error type is not documented (we say
 * PARAMETER_VALUE_INCOMPATIBLE); the wording is ours.
 */
export const layouts: DefinitionRule = {
  name: 'layout',
  check({ index }) {
    return index.sheets.flatMap((sheet) => {
      const node = sheet.node;
      const member = (list: unknown, idKey: string) =>
        (Array.isArray(list) ? list : []).map((item) => {
          const inner = isObject(item) ? (typeof item[idKey] === 'string' ? item : Object.values(item).find(isObject)) : undefined;
          return String(inner?.[idKey] ?? '');
        });
      const onSheet = new Set([
        ...sheet.visuals.map((v) => v.id),
        ...member(node.FilterControls, 'FilterControlId'),
        ...member(node.ParameterControls, 'ParameterControlId'),
        ...member(node.TextBoxes, 'SheetTextBoxId'),
        ...member(node.Images, 'SheetImageId'),
      ]);
      const base = sheet.path.slice(0, -1);
      const lists = [
        ...(Array.isArray(node.Layouts) ? node.Layouts : []).map((layout, l) => ({ layout, at: ['Layouts', l] as (string | number)[] })),
        ...(Array.isArray(node.SheetControlLayouts) ? node.SheetControlLayouts : []).map((layout, l) => ({
          layout,
          at: ['SheetControlLayouts', l] as (string | number)[],
        })),
      ];
      return lists.flatMap(({ layout, at: where }) =>
        layoutElements(layout).flatMap(({ elements, under }) => {
          const placed = new Set<string>();
          return elements.flatMap((element, e): Violation[] => {
            if (!isObject(element)) return [];
            const id = String(element.ElementId);
            const path = [...base, ...where, ...under, e, 'ElementId'];
            const at = (message: string) => violation(index, this.name, 'PARAMETER_VALUE_INCOMPATIBLE', path, message);
            const kind = String(element.ElementType ?? 'element')
              .toLowerCase()
              .replace('_', ' ');
            if (!onSheet.has(id)) return [at(`The layout places ${kind} '${id}', which sheet '${sheet.id}' does not have.`)];
            if (placed.has(id)) return [at(`The layout places ${kind} '${id}' twice.`)];
            placed.add(id);
            const end = Number(element.ColumnIndex ?? 0) + Number(element.ColumnSpan ?? 0);
            if (under.includes('GridLayout') && end > GRID_COLUMNS) {
              return [
                violation(
                  index,
                  this.name,
                  'PARAMETER_VALUE_INCOMPATIBLE',
                  [...base, ...where, ...under, e, 'ColumnSpan'],
                  `The layout places ${kind} '${id}' up to column ${end}, past the grid's ${GRID_COLUMNS} columns.`,
                ),
              ];
            }
            return [];
          });
        }),
      );
    });
  },
};
