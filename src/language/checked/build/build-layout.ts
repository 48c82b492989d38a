import { GRID_COLUMNS } from '../../../quicksight/index.ts';
import type { SheetSpec } from '../../schema/index.ts';
import type { Placement } from '../specs.ts';

/** A visual's size when it gives none: half the sheet's width, 8 rows high. */
export const DEFAULT_WIDTH = 18;
export const DEFAULT_HEIGHT = 8;

/**
 * Where each visual of a sheet sits on the 36-column grid: a visual with `grid` where it says; the
 * others flow left to right, wrapping at the sheet's width, below the placed ones.
 */
export function sheetLayout(sheet: SheetSpec): Placement[] {
  let nextRow = 0;
  for (const { grid } of sheet.visuals) if (grid) nextRow = Math.max(nextRow, grid.row + grid.height);
  let col = 0;
  let rowHeight = 0;
  return sheet.visuals.map((visual): Placement => {
    const grid = visual.grid;
    if (grid) return { elementId: visual.id, col: grid.col, row: grid.row, width: grid.width, height: grid.height };
    const width = visual.width ?? DEFAULT_WIDTH;
    const height = visual.height ?? DEFAULT_HEIGHT;
    if (col + width > GRID_COLUMNS) {
      nextRow += rowHeight;
      col = 0;
      rowHeight = 0;
    }
    const placed = { elementId: visual.id, col, row: nextRow, width, height };
    col += width;
    rowHeight = Math.max(rowHeight, height);
    return placed;
  });
}
