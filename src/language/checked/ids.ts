/**
 * The QuickSight ids trailsight gives what a board spec becomes; the rules check them (unique, within
 * QuickSight's limits) and compile uses them as they are.
 */

/** A visual's field: `<visual>.<role>.<n>` (n: the position in a list role, else 0). */
export function fieldId(visualId: string, role: string, index: number): string {
  return `${visualId}.${role}.${index}`;
}

/** The filter group holding a filter: the filter's id and `-group`. */
export function filterGroupId(filterId: string): string {
  return `${filterId}-group`;
}

/** The top-N filter of an aggregated table with a `limit`. */
export function topGroupsFilterId(tableId: string): string {
  return `${tableId}-limit`;
}

/** A control: its sheet, what it is bound to, and its type (a sheet has one control of a type per binding). */
export function controlId(sheetId: string, binding: { parameter: string } | { filter: string }, type: string): string {
  return 'filter' in binding ? `${sheetId}-filter-${binding.filter}-${type}` : `${sheetId}-parameter-${binding.parameter}-${type}`;
}
