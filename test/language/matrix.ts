import { parse, stringify } from 'yaml';
import type { SpecSource } from '../../src/language/index.ts';
import { source, textSource } from './helpers.ts';

// The cases the gate is held to (test/language/gate.test.ts): filters × controls, fields × roles ×
// column types, parameters × controls and refresh schedules, over a dataset with a column of every type.

/** One case: what it is, and the spec files it is made of. */
export interface MatrixCase {
  readonly what: string;
  readonly sources: readonly SpecSource[];
}

const project = source('test/language/fixtures/base/project.yaml');

/** A dataset with one column of each type, and calculated fields with and without a type. */
const matrixDataset = textSource(
  'matrix/dataset.yaml',
  stringify({
    apiVersion: 'trailsight/v1',
    kind: 'DataSet',
    id: 'matrix',
    name: 'Matrix',
    columns: [
      { name: 'text', expr: 'eventname' },
      { name: 'whole', expr: 'CASE WHEN errorcode IS NULL THEN 0 ELSE 1 END', type: 'integer' },
      { name: 'fraction', expr: '0.5', type: 'decimal' },
      { name: 'moment', expr: 'from_iso8601_timestamp(eventtime)', type: 'datetime' },
      { name: 'flag', expr: 'errorcode IS NULL', type: 'boolean' },
    ],
    calculated: [
      { name: 'untyped', expression: '{whole} * 2' },
      { name: 'typed', expression: '{whole} * 2', type: 'integer' },
    ],
  }),
);
const COLUMNS = ['text', 'whole', 'fraction', 'moment', 'flag', 'untyped', 'typed'];
const PARAMETERS = [
  { name: 'pText', type: 'string' },
  { name: 'pWhole', type: 'integer' },
  { name: 'pFraction', type: 'decimal' },
  { name: 'pMoment', type: 'datetime' },
  { name: 'pMany', type: 'string', multiValue: true },
];

/** A dashboard over the matrix dataset; `change` edits it before it is written as YAML. */
function board(change: (spec: any) => void): SpecSource[] {
  const spec: any = {
    apiVersion: 'trailsight/v1',
    kind: 'Dashboard',
    id: 'board',
    name: 'Board',
    datasets: { m: 'matrix' },
    parameters: structuredClone(PARAMETERS),
    sheets: [{ id: 'main', title: 'Main', visuals: [{ type: 'kpi', id: 'total', value: 'count(text)' }] }],
  };
  change(spec);
  return [project, matrixDataset, textSource('matrix/board.yaml', stringify(spec))];
}

/** The matrix dataset with `change` applied, alone with the Project. */
function dataset(change: (spec: any) => void): SpecSource[] {
  const spec: any = parse(Buffer.from(matrixDataset.bytes).toString('utf8'));
  change(spec);
  return [project, textSource('matrix/dataset.yaml', stringify(spec))];
}

const CONDITIONS: Record<string, unknown>[] = [
  { equals: ['x'] },
  { equals: [1] },
  { equals: [1, 2] },
  { equals: { parameter: 'pText' } },
  { equals: { parameter: 'pWhole' } },
  { equals: { parameter: 'pMoment' } },
  { equals: { parameter: 'pMany' } },
  { notEquals: ['x'] },
  { notEquals: [1] },
  { between: { min: 0, max: 10 } },
  { between: { min: { parameter: 'pWhole' }, max: 10 } },
  { between: { min: { parameter: 'pText' } } },
  { between: {} },
  { timeRange: {} },
  { timeRange: { from: { parameter: 'pMoment' } } },
  { timeRange: { to: { parameter: 'pWhole' } } },
  { timeRange: { from: '2026-01-01T00:00:00Z', to: { rolling: "addDateTime(-30, 'MI', now())" } } },
  { timeRange: { from: { rolling: "addDateTime(-1, 'WK', truncDate('WK', ${pMoment}))" } } },
  { lastDays: 3 },
  { lastHours: 12 },
];

const FILTER_CONTROLS: Record<string, unknown>[] = [
  { type: 'dropdown' },
  { type: 'dropdown', values: ['a', 'b'] },
  { type: 'dropdown', values: { column: 'text' } },
  { type: 'text' },
  { type: 'date-range' },
  { type: 'date' },
  { type: 'slider' },
  { type: 'slider', min: 0, max: 100, step: 5 },
  { type: 'slider', min: 5, max: 5 },
];

const PARAMETER_CONTROLS: Record<string, unknown>[] = [...FILTER_CONTROLS, { type: 'slider', min: 0.5, max: 2.5, step: 0.5 }];

/** A valid visual of each type, and the roles that hold its fields. */
const VISUALS: { visual: Record<string, unknown>; roles: string[] }[] = [
  { visual: { type: 'kpi', value: 'count(text)' }, roles: ['value'] },
  { visual: { type: 'bar', x: 'text', y: 'count(text)', color: 'flag', sort: [{ by: 'count(text)' }] }, roles: ['x', 'y', 'color', 'sort'] },
  { visual: { type: 'line', x: 'moment', granularity: 'day', y: ['count(text)'], color: 'text' }, roles: ['x', 'y', 'color'] },
  { visual: { type: 'pie', group: 'text', value: 'count(text)', limit: 5 }, roles: ['group', 'value', 'sort'] },
  { visual: { type: 'table', columns: ['text', 'count(text)'], limit: 10 }, roles: ['columns', 'sort'] },
  { visual: { type: 'table', columns: ['text', 'moment'], limit: 10 }, roles: ['columns', 'sort'] },
  { visual: { type: 'pivot', rows: ['text'], columns: ['flag'], values: ['count(text)'] }, roles: ['rows', 'columns', 'values'] },
  { visual: { type: 'heatmap', rows: 'text', columns: 'flag', value: 'count(text)', limit: 5 }, roles: ['rows', 'columns', 'value'] },
];

/** Each column plain, counted, summed, at its minimum, and at a day's granularity. */
const FIELDS = COLUMNS.flatMap((c) => [c, `count(${c})`, `sum(${c})`, `min(${c})`, { column: c, granularity: 'day' }]);

/** The visual with `field` in `role` (a list role gets it first; a sort gets it as its key). */
function withField(visual: Record<string, unknown>, role: string, field: unknown): Record<string, unknown> {
  const current = visual[role];
  if (role === 'sort') return { ...visual, sort: [{ by: field }] };
  return { ...visual, [role]: Array.isArray(current) ? [field, ...current.slice(1)] : field };
}

/**
 * Every filter condition on every column type, alone and with every filter control: on the one sheet,
 * and on each of two sheets the filter applies to (a cross-sheet control).
 */
function* filterCases(): Generator<MatrixCase> {
  for (const column of COLUMNS) {
    for (const condition of CONDITIONS) {
      const filter = { id: 'f', column, ...condition };
      yield { what: `filter ${JSON.stringify(filter)}`, sources: board((b) => (b.filters = [filter])) };
      for (const control of FILTER_CONTROLS) {
        yield {
          what: `filter ${JSON.stringify(filter)} with control ${JSON.stringify(control)}`,
          sources: board((b) => {
            b.filters = [filter];
            b.sheets[0].controls = [{ ...control, filter: 'f', title: 'C' }];
          }),
        };
        yield {
          what: `filter ${JSON.stringify(filter)} on two sheets, each with control ${JSON.stringify(control)}`,
          sources: board((b) => {
            b.filters = [filter];
            b.sheets[0].controls = [{ ...control, filter: 'f', title: 'C' }];
            b.sheets.push({
              id: 'more',
              title: 'More',
              controls: [{ ...control, filter: 'f', title: 'C' }],
              visuals: [{ type: 'kpi', id: 'more-total', value: 'count(text)' }],
            });
          }),
        };
      }
    }
  }
}

/** Every field (each column plain, counted, summed, at its minimum, at a granularity) in every role of every visual type. */
function* fieldCases(): Generator<MatrixCase> {
  for (const { visual, roles } of VISUALS) {
    for (const role of roles) {
      for (const field of FIELDS) {
        const spec = { id: 'v', ...withField(visual, role, field) };
        yield { what: `visual ${JSON.stringify(spec)}`, sources: board((b) => (b.sheets[0].visuals = [spec])) };
      }
    }
  }
}

/** Every control on every parameter type. */
function* parameterCases(): Generator<MatrixCase> {
  for (const parameter of PARAMETERS) {
    for (const control of PARAMETER_CONTROLS) {
      yield {
        what: `${JSON.stringify(control)} on ${JSON.stringify(parameter)}`,
        sources: board((b) => (b.sheets[0].controls = [{ ...control, parameter: parameter.name, title: 'C' }])),
      };
    }
  }
}

/** Free SQL with each declarative key, and every refresh schedule. */
function* datasetCases(): Generator<MatrixCase> {
  const sql = 'SELECT eventname AS text FROM cloudtrail_logs';
  for (const extra of [{}, { where: 'errorcode IS NULL' }, { window: { days: 3 } }, { columns: [{ name: 'text', expr: 'eventname' }] }]) {
    yield {
      what: `sql with ${JSON.stringify(extra)}`,
      sources: dataset((d) => Object.assign(d, { sql, columns: [{ name: 'text' }], calculated: undefined }, extra)),
    };
  }
  for (const interval of ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY']) {
    for (const timeOfDay of [undefined, '06:30']) {
      for (const dayOfWeek of [undefined, 'MONDAY']) {
        for (const dayOfMonth of [undefined, '1', 'LAST_DAY_OF_MONTH']) {
          const refresh = { interval, timeOfDay, dayOfWeek, dayOfMonth, timezone: 'Europe/Paris' };
          yield { what: `refresh ${JSON.stringify(refresh)}`, sources: dataset((d) => (d.import = { mode: 'SPICE', refresh })) };
        }
      }
    }
  }
}

/** The matrix, by family. */
export const MATRIX: Readonly<Record<string, () => Iterable<MatrixCase>>> = {
  'filters × controls': filterCases,
  'fields × roles × column types': fieldCases,
  'parameters × controls': parameterCases,
  'free SQL and refresh schedules': datasetCases,
};
