import type { Layout } from '@aws-sdk/client-quicksight';
import type { CheckedSheet } from '../../language/index.ts';

/** The sheet's grid layout: each visual where the gate placed it on the 36-column grid. */
export function gridLayout(sheet: CheckedSheet): Layout {
  return {
    Configuration: {
      GridLayout: {
        Elements: sheet.layout.map((p) => ({ ElementId: p.elementId, ElementType: 'VISUAL', ColumnIndex: p.col, ColumnSpan: p.width, RowIndex: p.row, RowSpan: p.height })),
        CanvasSizeOptions: { ScreenCanvasSizeOptions: { ResizeOption: 'FIXED', OptimizedViewPortWidth: '1600px' } },
      },
    },
  };
}
