import { parse, stringify } from 'yaml';
import { verdicts, type Verdicts } from './agreement.ts';
import { source, textSource } from './helpers.ts';

// The cases lint and compile are compared on: filters, controls, fields and refresh schedules over a
// dataset with a column of every type (test/language/lint-compile.test.ts).

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
export const COLUMNS = ['text', 'whole', 'fraction', 'moment', 'flag', 'untyped', 'typed'];
export const PARAMETERS = [
  { name: 'pText', type: 'string' },
  { name: 'pWhole', type: 'integer' },
  { name: 'pFraction', type: 'decimal' },
  { name: 'pMoment', type: 'datetime' },
  { name: 'pMany', type: 'string', multiValue: true },
];

/** A dashboard over the matrix dataset; `change` edits it before it is written as YAML. */
export function board(change: (spec: any) => void): Verdicts {
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
  return verdicts([project, matrixDataset, textSource('matrix/board.yaml', stringify(spec))]);
}

/** The matrix dataset with `change` applied, alone with the Project. */
export function dataset(change: (spec: any) => void): Verdicts {
  const spec: any = parse(Buffer.from(matrixDataset.bytes).toString('utf8'));
  change(spec);
  return verdicts([project, textSource('matrix/dataset.yaml', stringify(spec))]);
}

export const CONDITIONS: Record<string, unknown>[] = [
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
  { lastDays: 3 },
];

export const FILTER_CONTROLS: Record<string, unknown>[] = [
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

export const PARAMETER_CONTROLS: Record<string, unknown>[] = [
  ...FILTER_CONTROLS,
  { type: 'slider', min: 0.5, max: 2.5, step: 0.5 },
];

/** A valid visual of each type, and the roles that hold its fields. */
export const VISUALS: { visual: Record<string, unknown>; roles: string[] }[] = [
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
export const FIELDS = COLUMNS.flatMap((c) => [c, `count(${c})`, `sum(${c})`, `min(${c})`, { column: c, granularity: 'day' }]);

/** The visual with `field` in `role` (a list role gets it first; a sort gets it as its key). */
export function withField(visual: Record<string, unknown>, role: string, field: unknown): Record<string, unknown> {
  const current = visual[role];
  if (role === 'sort') return { ...visual, sort: [{ by: field }] };
  return { ...visual, [role]: Array.isArray(current) ? [field, ...current.slice(1)] : field };
}
