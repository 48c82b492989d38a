import type { FilterSpec, SheetSpec } from './schema/index.ts';

/**
 * The sheets a filter applies to, in sheet order: every sheet (no scope, or `all`), the sheets it
 * names, or the sheets holding the visuals it names. The rules and the checked model both ask this.
 */
export function filterSheetIds(sheets: readonly SheetSpec[], filter: FilterSpec): string[] {
  const scope = filter.scope;
  if (scope === undefined || scope === 'all') return sheets.map((s) => s.id);
  if ('sheets' in scope) return sheets.filter((s) => scope.sheets.includes(s.id)).map((s) => s.id);
  return sheets.filter((s) => s.visuals.some((v) => scope.visuals.includes(v.id))).map((s) => s.id);
}

/**
 * Whether a filter applies to several sheets: then its controls are one control, shown on each sheet
 * that has it — QuickSight's cross-sheet control (API model, FilterCrossSheetControl: "a control from
 * a filter that is scoped across more than one sheet"), with its title and widget on the filter
 * (DefaultFilterControlConfiguration: "this title is shared by all controls that are tied to this
 * filter"). test/quicksight/corpus: all 55 controls of filters on several sheets are cross-sheet.
 */
export function coversSeveralSheets(sheets: readonly SheetSpec[], filter: FilterSpec): boolean {
  return filterSheetIds(sheets, filter).length > 1;
}
