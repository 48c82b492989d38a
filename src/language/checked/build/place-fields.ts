import type { OutputColumn } from '../../dataset-columns.ts';
import { parseField, type FieldRef } from '../../field-ref.ts';
import type { DataType, Field, Sort } from '../../schema/index.ts';
import type { Dimension, Granularity, Measure, NumberDisplay, RankAggregation, Row, SortKey } from '../fields.ts';
import { fieldId } from '../ids.ts';
import type { BoardDataSet } from '../specs.ts';
import type { BoardScope } from './board-scope.ts';
import { GateBug } from './gate-bug.ts';

const NUMERIC: ReadonlySet<DataType | undefined> = new Set(['integer', 'decimal', undefined]);

/** Same column and aggregation: how a sort key finds the field it sorts by. */
function sameField(a: FieldRef, b: FieldRef): boolean {
  return a.column === b.column && a.aggregation === b.aggregation;
}

/**
 * Places the fields of one visual: gives each its field id, types it by its column (the rules made
 * sure it fits), and remembers it so sort keys can point at it.
 */
export class FieldPlacer {
  private readonly placed: { ref: FieldRef; fieldId: string }[] = [];

  constructor(
    private readonly scope: BoardScope,
    readonly dataset: BoardDataSet,
    private readonly visualId: string,
  ) {}

  private place(field: Field, role: string, index: number): { ref: FieldRef; fieldId: string; column: OutputColumn } {
    const ref = parseField(field);
    const placed = { ref, fieldId: fieldId(this.visualId, role, index) };
    this.placed.push(placed);
    return { ...placed, column: this.scope.column(this.dataset, ref.column) };
  }

  /** A grouping field: a date (at its granularity, or the visual's), a number, or a category. */
  dimension(field: Field, role: string, index = 0, granularity?: Granularity): Dimension {
    const { ref, fieldId, column } = this.place(field, role, index);
    if (ref.aggregation || ref.format || ref.decimals !== undefined) throw this.bug(ref, 'an aggregation or a number format on a grouping field');
    const base = { fieldId, column: ref.column, ...(ref.label ? { label: ref.label } : {}) };
    const grain = ref.granularity ?? granularity;
    if (column.type === 'datetime') return { ...base, kind: 'date', ...(grain ? { granularity: grain } : {}) };
    if (grain) throw this.bug(ref, 'a granularity on a column that is no datetime');
    return column.type === 'integer' || column.type === 'decimal' ? { ...base, kind: 'numerical' } : { ...base, kind: 'categorical' };
  }

  /** An aggregated field: numbers take any aggregation (or none); datetimes count, min or max; text counts. */
  measure(field: Field, role: string, index = 0): Measure {
    const { ref, fieldId, column } = this.place(field, role, index);
    const base = { fieldId, column: ref.column, ...(ref.label ? { label: ref.label } : {}) };
    const agg = ref.aggregation;
    const display = displayOf(ref);
    if (NUMERIC.has(column.type)) return { ...base, kind: 'numerical', ...(agg ? { aggregation: agg } : {}), ...(display ? { display } : {}) };
    if (display) throw this.bug(ref, 'a number format on a measure of a column that is no number');
    if (column.type === 'datetime' && (agg === 'count' || agg === 'distinct_count' || agg === 'min' || agg === 'max'))
      return { ...base, kind: 'date', aggregation: agg };
    if (agg === 'count' || agg === 'distinct_count') return { ...base, kind: 'categorical', aggregation: agg };
    throw this.bug(ref, `a measure of a ${column.type} column ${agg ? `by ${agg}` : 'without an aggregation'}`);
  }

  /** One measure or a list of them (a `y` may be either). */
  measures(fields: Field | Field[], role: string): Measure[] {
    return Array.isArray(fields) ? fields.map((f, i) => this.measure(f, role, i)) : [this.measure(fields, role)];
  }

  /** A field of a table listing rows: a datetime at a granularity, or a number with a format. */
  row(field: Field, role: string, index: number): Row {
    const { ref, fieldId, column } = this.place(field, role, index);
    const display = displayOf(ref);
    if (ref.granularity && column.type !== 'datetime') throw this.bug(ref, 'a granularity on a column that is no datetime');
    if (display && !NUMERIC.has(column.type)) throw this.bug(ref, 'a number format on a column that is no number');
    return {
      fieldId,
      column: ref.column,
      ...(ref.label ? { label: ref.label } : {}),
      ...(ref.granularity ? { granularity: ref.granularity } : {}),
      ...(display ? { display } : {}),
    };
  }

  /**
   * Sort keys: a key naming a field of the visual sorts by that field; any other column sorts by the
   * column (with its aggregation). Default direction: descending.
   */
  sort(sort: Sort | undefined): SortKey[] | undefined {
    if (!sort || sort.length === 0) return undefined;
    return sort.map((key): SortKey => {
      const by = parseField(key.by);
      const direction = key.order === 'asc' ? 'ASC' : 'DESC';
      const placed = this.placed.find((p) => sameField(p.ref, by));
      if (placed) return { direction, fieldId: placed.fieldId };
      const column = this.scope.column(this.dataset, by.column);
      return { direction, column: by.column, ...(by.aggregation ? { aggregation: this.rank(by, column) } : {}) };
    });
  }

  /** The aggregation of a column a sort or a top-N ranks by, typed by the column. */
  rank(ref: FieldRef, column: OutputColumn): RankAggregation {
    const agg = ref.aggregation;
    if (agg === undefined) throw this.bug(ref, 'a ranking without an aggregation');
    if (NUMERIC.has(column.type)) return { over: 'number', aggregation: agg };
    if (column.type === 'datetime' && (agg === 'count' || agg === 'distinct_count' || agg === 'min' || agg === 'max'))
      return { over: 'date', aggregation: agg };
    if (agg === 'count' || agg === 'distinct_count') return { over: 'text', aggregation: agg };
    throw this.bug(ref, `${agg} of a ${column.type} column`);
  }

  private bug(ref: FieldRef, what: string): GateBug {
    return new GateBug(`visual ${this.visualId}, field ${ref.aggregation ? `${ref.aggregation}(${ref.column})` : ref.column}: ${what}`);
  }
}

function displayOf(ref: FieldRef): NumberDisplay | undefined {
  if (!ref.format && ref.decimals === undefined) return undefined;
  return { style: ref.format ?? 'number', ...(ref.decimals !== undefined ? { decimals: ref.decimals } : {}) };
}
