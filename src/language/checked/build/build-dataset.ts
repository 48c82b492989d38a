import { parseExpression, parseQuery, SqlError } from '../../../sql/index.ts';
import { datasetColumns } from '../../dataset-columns.ts';
import type { YamlLocated } from '../../load/located.ts';
import type { DataSetSpec } from '../../schema/index.ts';
import type { CheckedDataSet, DataSetQuery, RefreshSchedule } from '../specs.ts';
import { GateBug } from './gate-bug.ts';

/** A dataset the rules accepted, with its output columns, its parsed SQL and its refresh schedule. */
export function checkedDataSet(located: YamlLocated<DataSetSpec>): CheckedDataSet {
  const spec = located.spec;
  const refresh = refreshOf(spec);
  return { spec, file: located.file, at: (path) => located.at(path), columns: datasetColumns(spec), query: parsed(spec), ...(refresh ? { refresh } : {}) };
}

function parsed(spec: DataSetSpec): DataSetQuery {
  try {
    if (spec.sql !== undefined) {
      const text = spec.sql.trim();
      return { form: 'sql', text, query: parseQuery(text).query };
    }
    return {
      form: 'columns',
      select: spec.columns.map((column) => ({ column, expr: parseExpression(column.expr ?? column.name) })),
      ...(spec.where !== undefined ? { where: parseExpression(spec.where) } : {}),
      ...(spec.window ? { windowDays: spec.window.days } : {}),
    };
  } catch (error) {
    if (error instanceof SqlError) throw new GateBug(`dataset ${spec.id}'s SQL does not parse: ${error.detail}`);
    throw error;
  }
}

function refreshOf(spec: DataSetSpec): RefreshSchedule | undefined {
  const mode = spec.import;
  if (mode?.mode !== 'SPICE' || !mode.refresh) return undefined;
  const { interval, timeOfDay, timezone, dayOfWeek, dayOfMonth } = mode.refresh;
  return {
    interval,
    timezone: timezone ?? 'UTC',
    ...(timeOfDay && interval !== 'HOURLY' ? { timeOfDay } : {}),
    ...(dayOfWeek ? { on: { dayOfWeek } } : dayOfMonth ? { on: { dayOfMonth } } : {}),
  };
}
