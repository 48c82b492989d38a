import type { GridLayoutElement, Layout } from '@aws-sdk/client-quicksight';
import type { SheetSpec } from '../../language/schema/index.ts';
import type { BoardContext, JsonPath } from './context.ts';

export const GRID_COLUMNS = 36;
export const DEFAULT_WIDTH = 18;
export const DEFAULT_HEIGHT = 8;

/**
 * The sheet's grid layout (36 columns). Visuals with `grid` sit where it says; the others flow left
 * to right, wrapping at the sheet's width, below the placed ones.
 */
export function gridLayout(ctx: BoardContext, sheet: SheetSpec, sheetPath: JsonPath): Layout {
  const elements: GridLayoutElement[] = [];
  let nextRow = 0;
  sheet.visuals.forEach((visual, i) => {
    const grid = visual.grid;
    if (!grid) return;
    if (grid.col + grid.width > GRID_COLUMNS) ctx.report([...sheetPath, 'visuals', i, 'grid'], `col + width must be at most ${GRID_COLUMNS}`);
    nextRow = Math.max(nextRow, grid.row + grid.height);
  });
  let col = 0;
  let rowHeight = 0;
  for (const visual of sheet.visuals) {
    const grid = visual.grid;
    if (grid) {
      elements.push(element(visual.id, grid.col, grid.row, grid.width, grid.height));
      continue;
    }
    const width = visual.width ?? DEFAULT_WIDTH;
    const height = visual.height ?? DEFAULT_HEIGHT;
    if (col + width > GRID_COLUMNS) {
      nextRow += rowHeight;
      col = 0;
      rowHeight = 0;
    }
    elements.push(element(visual.id, col, nextRow, width, height));
    col += width;
    rowHeight = Math.max(rowHeight, height);
  }
  return {
    Configuration: {
      GridLayout: {
        Elements: elements,
        CanvasSizeOptions: { ScreenCanvasSizeOptions: { ResizeOption: 'FIXED', OptimizedViewPortWidth: '1600px' } },
      },
    },
  };
}

function element(id: string, col: number, row: number, width: number, height: number): GridLayoutElement {
  return { ElementId: id, ElementType: 'VISUAL', ColumnIndex: col, ColumnSpan: width, RowIndex: row, RowSpan: height };
}
