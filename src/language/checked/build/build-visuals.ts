import { parseField } from '../../field-ref.ts';
import type { Visual } from '../../schema/index.ts';
import { fieldId, filterGroupId, topGroupsFilterId } from '../ids.ts';
import type { CheckedVisual, SpecOf, TableColumns, TopGroups } from '../visuals.ts';
import type { BoardScope } from './board-scope.ts';
import { must } from './gate-bug.ts';
import { FieldPlacer } from './place-fields.ts';

/** A visual with its fields placed in their roles, typed by their columns. */
export function checkedVisual(scope: BoardScope, spec: Visual, sheetId: string): CheckedVisual {
  if (spec.type === 'raw') return { type: 'raw', spec };
  const fields = new FieldPlacer(scope, scope.dataset(spec.dataset), spec.id);
  const dataset = fields.dataset.alias;
  switch (spec.type) {
    case 'kpi':
      return { type: spec.type, spec, dataset, value: fields.measure(spec.value, 'value') };
    case 'bar': {
      const x = fields.dimension(spec.x, 'x');
      const y = fields.measures(spec.y, 'y');
      const color = spec.color === undefined ? undefined : fields.dimension(spec.color, 'color');
      return { type: spec.type, spec, dataset, x, y, ...(color ? { color } : {}), ...sorted(fields, spec) };
    }
    case 'line': {
      const x = fields.dimension(spec.x, 'x', 0, spec.granularity);
      const y = fields.measures(spec.y, 'y');
      const color = spec.color === undefined ? undefined : fields.dimension(spec.color, 'color');
      return { type: spec.type, spec, dataset, x, y, ...(color ? { color } : {}) };
    }
    case 'pie': {
      const group = fields.dimension(spec.group, 'group');
      const value = fields.measure(spec.value, 'value');
      return { type: spec.type, spec, dataset, group, value, ...sorted(fields, spec) };
    }
    case 'table': {
      const columns = tableColumns(scope, fields, spec, sheetId);
      return { type: spec.type, spec, dataset, columns, ...sorted(fields, spec) };
    }
    case 'pivot': {
      const rows = spec.rows.map((f, i) => fields.dimension(f, 'rows', i));
      const columns = spec.columns?.map((f, i) => fields.dimension(f, 'columns', i));
      const values = spec.values.map((f, i) => fields.measure(f, 'values', i));
      return { type: spec.type, spec, dataset, rows, ...(columns ? { columns } : {}), values };
    }
    case 'heatmap': {
      const rows = fields.dimension(spec.rows, 'rows');
      const columns = fields.dimension(spec.columns, 'columns');
      return { type: spec.type, spec, dataset, rows, columns, value: fields.measure(spec.value, 'value') };
    }
  }
}

function sorted(fields: FieldPlacer, spec: { sort?: SpecOf<'bar'>['sort'] }) {
  const sort = fields.sort(spec.sort);
  return sort ? { sort } : {};
}

/**
 * A table's columns: with any aggregation, plain columns group and aggregated ones are values (a
 * `limit` keeps the top groups); without, the columns list rows.
 */
function tableColumns(scope: BoardScope, fields: FieldPlacer, spec: SpecOf<'table'>, sheetId: string): TableColumns {
  const aggregated = spec.columns.some((c) => parseField(c).aggregation);
  if (!aggregated) return { aggregated, rows: spec.columns.map((c, i) => fields.row(c, 'columns', i)) };
  const groupBy = spec.columns.flatMap((c, i) => (parseField(c).aggregation ? [] : [fields.dimension(c, 'columns', i)]));
  const values = spec.columns.flatMap((c, i) => (parseField(c).aggregation ? [fields.measure(c, 'columns', i)] : []));
  const order = spec.columns.map((_, i) => fieldId(spec.id, 'columns', i));
  const topGroups = spec.limit === undefined ? undefined : topGroupsOf(scope, fields, spec, sheetId, spec.limit);
  return { aggregated, groupBy, values, order, ...(topGroups ? { topGroups } : {}) };
}

/** The top-N filter of an aggregated table: its first grouping column, ranked by the first aggregated sort key, else its first value. */
function topGroupsOf(scope: BoardScope, fields: FieldPlacer, spec: SpecOf<'table'>, sheetId: string, limit: number): TopGroups {
  const refs = spec.columns.map(parseField);
  const group = must(
    refs.find((r) => !r.aggregation),
    `table ${spec.id}: a limit with no column to group by`,
  );
  const key = spec.sort?.map((s) => ({ ref: parseField(s.by), order: s.order })).find((s) => s.ref.aggregation);
  const rank = key ?? { ref: refs.find((r) => r.aggregation)!, order: 'desc' as const };
  const groupColumn = scope.column(fields.dataset, group.column);
  const filterId = topGroupsFilterId(spec.id);
  return {
    filterId,
    groupId: filterGroupId(filterId),
    sheetId,
    limit,
    column: group.column,
    ...(groupColumn.type === 'datetime' && group.granularity ? { granularity: group.granularity } : {}),
    rank: {
      column: rank.ref.column,
      direction: rank.order === 'asc' ? 'ASC' : 'DESC',
      aggregation: fields.rank(rank.ref, scope.column(fields.dataset, rank.ref.column)),
    },
  };
}
