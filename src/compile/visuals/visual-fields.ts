import type {
  AxisLabelOptions,
  ChartAxisLabelOptions,
  DimensionField,
  FieldSortOptions,
  MeasureField,
  UnaggregatedField,
} from '@aws-sdk/client-quicksight';
import type { Field, Sort } from '../../language/schema/index.ts';
import type { BoardContext, DatasetRef, JsonPath } from '../definition/context.ts';
import {
  aggregationFunction,
  columnIdentifier,
  dimensionField,
  measureField,
  parseField,
  sameField,
  unaggregatedField,
  type FieldRef,
  type Granularity,
} from '../definition/fields.ts';

/** A field placed in a well, under its field id `<visualId>.<role>.<n>`. */
export interface PlacedField {
  readonly ref: FieldRef;
  readonly fieldId: string;
  readonly role: string;
}

/**
 * The fields of one visual: gives each a deterministic field id, remembers them so sort keys can
 * point at them, and collects their labels.
 */
export class VisualFields {
  readonly placed: PlacedField[] = [];

  constructor(
    readonly ctx: BoardContext,
    readonly dataset: DatasetRef,
    readonly visualId: string,
    readonly path: JsonPath,
  ) {}

  private place(field: Field, role: string, index: number): { ref: FieldRef; fieldId: string } {
    const ref = parseField(field);
    const fieldId = `${this.visualId}.${role}.${index}`;
    this.placed.push({ ref, fieldId, role });
    return { ref, fieldId };
  }

  /** `[...path, role]` for a single field, `[...path, role, index]` for one of a list. */
  private fieldPath(role: string, index: number | undefined): JsonPath {
    return index === undefined ? [...this.path, role] : [...this.path, role, index];
  }

  dimension(field: Field, role: string, index?: number, granularity?: Granularity): DimensionField {
    const { ref, fieldId } = this.place(field, role, index ?? 0);
    return dimensionField(this.ctx, this.dataset, ref, fieldId, this.fieldPath(role, index), granularity);
  }

  measure(field: Field, role: string, index?: number): MeasureField {
    const { ref, fieldId } = this.place(field, role, index ?? 0);
    return measureField(this.ctx, this.dataset, ref, fieldId, this.fieldPath(role, index));
  }

  /** One measure or a list of them (a `y` may be either). */
  measures(fields: Field | Field[], role: string): MeasureField[] {
    return Array.isArray(fields) ? fields.map((f, i) => this.measure(f, role, i)) : [this.measure(fields, role)];
  }

  unaggregated(field: Field, role: string, index: number): UnaggregatedField {
    const { ref, fieldId } = this.place(field, role, index);
    return unaggregatedField(this.ctx, this.dataset, ref, fieldId, this.fieldPath(role, index));
  }

  /**
   * Sort keys: a key naming a field of the visual sorts by that field; any other column sorts by
   * the column (with its aggregation). Default direction: descending.
   */
  sort(sort: Sort | undefined): FieldSortOptions[] | undefined {
    if (!sort || sort.length === 0) return undefined;
    return sort.map((key, i): FieldSortOptions => {
      const by = parseField(key.by);
      const Direction = key.order === 'asc' ? 'ASC' : 'DESC';
      const placed = this.placed.find((p) => sameField(p.ref, by));
      if (placed) return { FieldSort: { FieldId: placed.fieldId, Direction } };
      const column = this.ctx.column(this.dataset, by.column, [...this.path, 'sort', i, 'by']);
      return {
        ColumnSort: {
          SortBy: columnIdentifier(this.dataset, by.column),
          Direction,
          ...(by.aggregation ? { AggregationFunction: aggregationFunction(column?.type, by.aggregation) } : {}),
        },
      };
    });
  }

  /** Custom labels of the fields placed in `roles`, for a chart axis. */
  axisLabels(...roles: string[]): ChartAxisLabelOptions | undefined {
    const options: AxisLabelOptions[] = this.placed
      .filter((p) => roles.includes(p.role) && p.ref.label)
      .map((p) => ({ CustomLabel: p.ref.label, ApplyTo: { FieldId: p.fieldId, Column: columnIdentifier(this.dataset, p.ref.column) } }));
    return options.length > 0 ? { AxisLabelOptions: options } : undefined;
  }

  /** The label of the field in `role`, for a legend title. */
  label(role: string): string | undefined {
    return this.placed.find((p) => p.role === role && p.ref.label)?.ref.label;
  }

  /** Field id → label, for tables' field options. */
  labelled(): { fieldId: string; label: string }[] {
    return this.placed.filter((p) => p.ref.label).map((p) => ({ fieldId: p.fieldId, label: p.ref.label! }));
  }
}
