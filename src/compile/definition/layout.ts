import type { AnalysisDefaults, GridLayoutCanvasSizeOptions, Layout } from '@aws-sdk/client-quicksight';
import type { CheckedSheet } from '../../language/index.ts';

/** The canvas the grid is laid out for: 1600 pixels wide, fixed (the console's default, 27 of 32 corpus sheets). */
const CANVAS: GridLayoutCanvasSizeOptions = { ScreenCanvasSizeOptions: { ResizeOption: 'FIXED', OptimizedViewPortWidth: '1600px' } };

/**
 * The defaults of new sheets, which the console writes in every definition (test/quicksight/corpus:
 * 13 of 13): interactive, on the same grid canvas as the sheets.
 */
export const ANALYSIS_DEFAULTS: AnalysisDefaults = {
  DefaultNewSheetConfiguration: { InteractiveLayoutConfiguration: { Grid: { CanvasSizeOptions: CANVAS } }, SheetContentType: 'INTERACTIVE' },
};

/** The sheet's grid layout: each visual where the gate placed it on the 36-column grid. */
export function gridLayout(sheet: CheckedSheet): Layout {
  return {
    Configuration: {
      GridLayout: {
        Elements: sheet.layout.map((p) => ({
          ElementId: p.elementId,
          ElementType: 'VISUAL',
          ColumnIndex: p.col,
          ColumnSpan: p.width,
          RowIndex: p.row,
          RowSpan: p.height,
        })),
        CanvasSizeOptions: CANVAS,
      },
    },
  };
}
