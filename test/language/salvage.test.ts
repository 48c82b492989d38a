import assert from 'node:assert/strict';
import { formatFinding, checkSpecs } from '../../src/language/index.ts';
import { sourcesIn, textSource } from './helpers.ts';

const HEAD = (kind: string, id: string) => ['apiVersion: trailsight/v1', `kind: ${kind}`, `id: ${id}`, 'name: X'];
const board = (...lines: string[]) => [...HEAD('Dashboard', 'board'), 'datasets: { e: events }', ...lines, ''].join('\n');
const dataset = (...lines: string[]) => [...HEAD('DataSet', 'ds'), ...lines, ''].join('\n');

/**
 * A schema error leaves out the part that holds it (a visual, control, filter, parameter, column,
 * calculated field, sheet, or an optional key); the rest of the file is still checked, and findings
 * that only follow from the part left out are not reported. Each case: the file (linted with the base
 * Project and `events` dataset, plus `also` when given) and its findings as `line:col  message`.
 */
const CASES: { what: string; text: string; also?: string; expected: string[] }[] = [
  {
    what: 'a visual type typo does not hide an unknown field in another sheet; a filter scoped to the broken visual is not a follow-on error',
    text: board(
      'filters:',
      '  - { id: f, column: event_name, equals: [x], scope: { visuals: [top] } }',
      'sheets:',
      '  - { id: one, title: One, visuals: [{ type: bars, id: top, x: event_name, y: count(event_id) }] }',
      '  - { id: two, title: Two, visuals: [{ type: kpi, id: total, value: count(evnt_id) }] }',
    ),
    expected: [
      "9:46  sheets[0].visuals[0].type: unknown type 'bars' (did you mean 'bar'?); expected one of kpi, bar, line, pie, table, pivot, heatmap, raw",
      "10:69  no column 'evnt_id' in dataset 'events' (did you mean 'event_id'?)",
    ],
  },
  {
    what: 'a broken filter: a control bound to it is not a follow-on error; a second visual after a broken one is found at its own line',
    text: board(
      'filters:',
      '  - { id: period, column: event_time, lastDays: 7, colour: red }',
      '  - { id: gone, column: event_time, timeRange: 5 }',
      'sheets:',
      '  - id: main',
      '    title: Main',
      '    controls: [{ type: date-range, filter: gone, title: Gone }]',
      '    visuals:',
      '      - { type: pie, id: bad, group: event_name }',
      '      - { type: kpi, id: total, value: sum(event_name) }',
    ),
    expected: [
      "7:52  filters[0].colour: unknown key 'colour'; valid keys: id, dataset, column, equals, notEquals, between, timeRange, lastMinutes, lastHours, lastDays, lastWeeks, lastMonths, lastYears, nullOption, scope",
      '8:48  filters[1].timeRange: must be a mapping, found an integer',
      "14:9  sheets[0].visuals[0]: missing required key 'value' (A field: `column`, `aggregation(column)`, or an object with a label, granularity or number format)",
      "15:40  sum(event_name): 'event_name' is a string column; sum needs integer or decimal (count or distinct_count work on any column)",
    ],
  },
  {
    what: 'a dataset column with a type typo does not hide bad SQL in another column and in where',
    text: dataset(
      'where: errorcode IS NOT NUL',
      'columns:',
      '  - { name: event_id, expr: eventid, type: strng }',
      '  - { name: event_name, expr: lower(eventnme) }',
    ),
    expected: [
      "5:25  where: syntax error: mismatched input 'NUL'",
      "7:44  columns[0].type: must be one of string, integer, decimal, datetime, boolean, found 'strng' (did you mean 'string'?)",
      "8:37  column 'event_name': unknown column 'eventnme' (did you mean 'eventname'?)",
    ],
  },
  {
    what: 'a dashboard using a dataset column left out for its schema error gets no follow-on error',
    text: dataset('columns:', '  - { name: event_id, expr: eventid }', '  - { name: event_name, expr: eventname, type: text }'),
    also: [
      ...HEAD('Dashboard', 'uses-ds'),
      'datasets: { d: ds }',
      'sheets: [{ id: s, title: S, visuals: [{ type: bar, id: b, x: event_name, y: count(event_id) }] }]',
      '',
    ].join('\n'),
    expected: ["7:48  columns[1].type: must be one of string, integer, decimal, datetime, boolean, found 'text'"],
  },
  {
    what: 'free SQL: a bad import mode does not hide a declared column the SQL does not select',
    text: dataset(
      'sql: SELECT eventname FROM cloudtrail_logs',
      'columns:',
      '  - { name: eventname }',
      '  - { name: calls, type: integer }',
      'import: { mode: SPICY }',
    ),
    expected: [
      "8:13  column 'calls' is declared, but the SQL does not select it (it selects eventname)",
      "9:17  import.mode: unknown mode 'SPICY' (did you mean 'SPICE'?); expected one of DIRECT_QUERY, SPICE",
    ],
  },
  {
    what: 'a required key missing: nothing to salvage, the schema error alone',
    text: [...HEAD('DataSet', 'ds').slice(0, 3), 'columns:', '  - { name: event_name, expr: lower(eventnme) }', ''].join('\n'),
    expected: ["1:1  missing required key 'name' (Display name shown in QuickSight)"],
  },
];

describe('a schema error does not hide the other problems of the file', () => {
  const base = sourcesIn('base');
  for (const { what, text, also, expected } of CASES) {
    it(what, () => {
      const sources = [...base, textSource('spec.yaml', text), ...(also ? [textSource('other.yaml', also)] : [])];
      const { findings, checked } = checkSpecs(sources);
      assert.deepEqual(findings.filter((f) => f.file !== 'spec.yaml').map(formatFinding), [], 'no findings elsewhere');
      assert.deepEqual(
        findings.map((f) => formatFinding(f).replace(/^spec\.yaml:/, '')),
        expected,
      );
      assert.equal(checked, undefined);
    });
  }
});
