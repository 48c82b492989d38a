import type { OutputColumn } from '../dataset-columns.ts';
import { parseField, type FieldRef } from '../field-ref.ts';
import type { JsonPath, YamlLocated } from '../load/located.ts';
import type { DataSetSpec } from '../schema/index.ts';
import { boardControls, boardVisuals, columnsFor, type Board } from './board-parts.ts';
import type { RuleContext } from './rule.ts';
import { visualFields as visualFieldsOf, type FieldPlacement } from '../visual-fields.ts';

/** A column a board uses somewhere, with the dataset it must come from. */
export interface FieldUse {
  readonly ref: FieldRef;
  readonly path: JsonPath;
  /** `visual` fields can carry aggregations; filter and control columns cannot. */
  readonly where: 'visual' | 'filter' | 'control';
  /** For visual fields: the role (x, y, value…, or sort) and whether it groups, is aggregated, or either. */
  readonly role?: string;
  readonly placement?: FieldPlacement;
  /** For the columns of a table: whether any of them is aggregated (then plain columns group). */
  readonly tableAggregated?: boolean;
  readonly dataset: DataSetSpec;
  readonly columns: Map<string, OutputColumn>;
}

/** Every field of every visual, filter and control whose dataset resolves (other cases are dataset-refs findings). */
export function fieldUses(context: RuleContext, located: YamlLocated<Board>): FieldUse[] {
  const board = located.spec;
  const uses: FieldUse[] = [];
  for (const { visual, path } of boardVisuals(board)) {
    if (visual.type === 'raw') continue;
    const source = columnsFor(context, board, visual.dataset);
    if (!source) continue;
    const tableAggregated = visual.type === 'table' ? visual.columns.some((c) => parseField(c).aggregation) : undefined;
    for (const f of visualFieldsOf(visual)) {
      const ref = parseField(f.field);
      // A line's granularity applies to its x axis.
      const granularity = ref.granularity ?? (visual.type === 'line' && f.role === 'x' ? visual.granularity : undefined);
      uses.push({
        ref: { ...ref, granularity },
        path: [...path, ...f.path],
        where: 'visual',
        role: f.role,
        placement: f.placement,
        tableAggregated,
        ...source,
      });
    }
  }
  (board.filters ?? []).forEach((filter, i) => {
    const source = columnsFor(context, board, filter.dataset);
    if (source) uses.push({ ref: { column: filter.column }, path: ['filters', i, 'column'], where: 'filter', ...source });
  });
  for (const { control, path } of boardControls(board)) {
    const values = control.values;
    if (values === undefined || Array.isArray(values)) continue;
    const source = columnsFor(context, board, values.dataset);
    if (source) uses.push({ ref: { column: values.column }, path: [...path, 'values', 'column'], where: 'control', ...source });
  }
  return uses;
}
