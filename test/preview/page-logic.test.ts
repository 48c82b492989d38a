import assert from 'node:assert/strict';
import { applyCalculated } from '../../src/preview/calculated/calculated.ts';
import { evaluateFormula } from '../../src/preview/calculated/formula.ts';
import { parseExpression } from '../../src/quicksight/expression/parse-expression.ts';
import type { FilterModel, VisualModel } from '../../src/preview/dashboard-model.ts';
import { computeResult } from '../../src/preview/page/aggregate.ts';
import { passes } from '../../src/preview/page/filter-eval.ts';
import { formatDateTime, formatNumber } from '../../src/preview/page/format.ts';
import { chartOptions } from '../../src/preview/page/chart-options.ts';
import { measureField } from '../../src/preview/definition/fields.ts';
import type { VisualData } from '../../src/preview/shipped.ts';

const userFilter: FilterModel = {
  id: 'by-user',
  dataset: 'events',
  column: 'user_name',
  columnType: 'category',
  condition: { kind: 'category', match: 'EQUALS', parameter: 'user' },
  nullOption: 'NON_NULLS_ONLY',
  scope: { all: true },
  crossDataset: false,
  interactive: true,
};

describe('preview page logic', () => {
  it('filters like QuickSight: an unset parameter selects all, nulls follow the null option', () => {
    const state = (user: string[]) => ({ parameters: { user }, choices: {} });
    assert.equal(passes(userFilter, 'alice', state([])), true);
    assert.equal(passes(userFilter, 'alice', state(['nicholas'])), false);
    assert.equal(passes(userFilter, 'nicholas', state(['nicholas'])), true);
    assert.equal(passes(userFilter, null, state(['nicholas'])), false);
    assert.equal(passes({ ...userFilter, nullOption: 'ALL_VALUES' }, null, state(['nicholas'])), true);
    const period: FilterModel = {
      ...userFilter,
      id: 'period',
      column: 'event_time',
      columnType: 'date',
      condition: { kind: 'range', includeMin: true, includeMax: true },
    };
    const days = { parameters: {}, choices: { period: { from: '2026-01-02', to: '2026-01-02' } } };
    assert.equal(passes(period, '2026-01-02 23:59:59.000', days), true);
    assert.equal(passes(period, '2026-01-03 00:00:00.000', days), false);
  });

  it('regroups shipped partial aggregates after filtering, and cuts to the limit', () => {
    const visual: VisualModel = {
      id: 'v',
      sheetId: 's',
      kind: 'bar',
      dataset: 'events',
      dimensions: [{ fieldId: 'x', dataset: 'events', column: 'event_name', type: 'category', label: 'Event' }],
      measures: [
        { fieldId: 'n', dataset: 'events', column: 'event_id', aggregation: 'COUNT', label: 'Calls' },
        { fieldId: 'avg', dataset: 'events', column: 'bytes', aggregation: 'AVERAGE', label: 'Bytes' },
        { fieldId: 'ips', dataset: 'events', column: 'source_ip', aggregation: 'DISTINCT_COUNT', label: 'IPs' },
      ],
      roles: { category: ['x'], color: [], values: ['n', 'avg', 'ips'] },
      sort: [{ fieldId: 'n', direction: 'DESC' }],
      limit: 1,
      unaggregated: false,
      options: {},
    };
    const data: VisualData = {
      columns: [
        { key: 'd0', role: 'dimension', fieldId: 'x' },
        { key: 'f0', role: 'filter', filterId: 'by-user' },
        { key: 'm0_sum', role: 'part', fieldId: 'n', part: 'sum' },
        { key: 'm1_sum', role: 'part', fieldId: 'avg', part: 'sum' },
        { key: 'm1_count', role: 'part', fieldId: 'avg', part: 'count' },
        { key: 'm2_value', role: 'part', fieldId: 'ips', part: 'value' },
      ],
      rows: [
        ['Describe', 'alice', 5, 50, 5, '10.0.0.1'],
        ['Describe', 'bob', 1, 30, 1, '10.0.0.1'],
        ['Describe', 'bob', 1, 10, 1, '10.0.0.2'],
        ['Stop', 'nicholas', 3, 30, 3, '198.51.100.77'],
      ],
      filterKeys: { 'by-user': 'f0' },
      truncated: false,
    };
    assert.deepEqual(
      computeResult(visual, data, () => true),
      [{ dims: ['Describe'], measures: [7, 90 / 7, 2] }],
    );
    const noAlice = computeResult(visual, data, (row) => row[1] !== 'alice');
    assert.deepEqual(noAlice, [{ dims: ['Stop'], measures: [3, 10, 1] }]);
  });

  it('turns calculated fields into SQL columns or formulas over aggregates', () => {
    const source = {
      arn: 'a',
      name: 'events',
      sql: 'SELECT 1',
      columns: new Map([
        ['error_count', 'number' as const],
        ['event_id', 'category' as const],
      ]),
      calculated: [],
      problems: [],
    };
    const {
      source: extended,
      measures,
      problems,
    } = applyCalculated(source, [
      { name: 'error_rate', expression: 'sum({error_count}) / count({event_id})' },
      { name: 'failed', expression: "ifelse({error_count} > 0, 'yes', 'no')" },
      { name: 'odd', expression: 'runningSum({x})' },
      { name: 'ranked', expression: 'rank([sum({error_count}) DESC])' },
      { name: 'reads', expression: 'countIf({event_id}, {error_count} = 0)' },
      { name: 'broken', expression: 'sum({error_count}' },
      { name: 'uses_broken', expression: '{broken} + 1' },
    ]);
    assert.deepEqual(measures.get('error_rate'), {
      formula: { k: 'bin', op: '/', l: { k: 'leaf', i: 0 }, r: { k: 'leaf', i: 1 } },
      leaves: [
        { aggregation: 'SUM', column: 'error_count' },
        { aggregation: 'COUNT', column: 'event_id' },
      ],
    });
    assert.ok(extended.columns.has('failed'));
    assert.match(extended.sql, /CASE WHEN \("error_count" > 0\) THEN 'yes' ELSE 'no' END AS "failed"/);
    assert.deepEqual(problems.sort(), [
      "calculated field broken: its expression is not QuickSight's syntax: expected ')' at character 18 (the end)",
      'calculated field odd: it names x, which the dataset does not have',
      'calculated field ranked: the preview cannot evaluate rank(...) over aggregates',
      "calculated field reads: the preview cannot evaluate QuickSight's function countIf",
      'calculated field uses_broken: it uses the calculated field broken, which the preview cannot evaluate',
    ]);
    assert.deepEqual([...extended.unevaluated!.keys()].sort(), ['broken', 'odd', 'ranked', 'reads', 'uses_broken'], 'each is named on the visuals that use it');
    assert.equal(evaluateFormula(measures.get('error_rate')!.formula, [3, 12]), 0.25);
    assert.equal(evaluateFormula(measures.get('error_rate')!.formula, [3, 0]), null);
    assert.throws(() => parseExpression('sum({a}'), /expected '\)'/);
  });

  it('formats date-times with QuickSight format strings', () => {
    assert.equal(formatDateTime('2026-11-24 18:33:05.120', 'YYYY-MM-DD HH:mm'), '2026-11-24 18:33');
    assert.equal(formatDateTime('2026-11-24 18:33:05.120', 'MMM DD, YYYY'), 'Nov 24, 2026');
  });

  it('reads number and percentage formats from the definition and shows values in them', () => {
    const column = { DataSetIdentifier: 'events', ColumnName: 'error_rate' };
    const percent = measureField(
      {
        NumericalMeasureField: {
          FieldId: 'rate',
          Column: column,
          FormatConfiguration: { FormatConfiguration: { PercentageDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 1 } } } },
        },
      },
      new Map(),
    );
    assert.deepEqual(percent.numberFormat, { percent: true, decimals: 1 });
    assert.equal(formatNumber(0.0123, percent.numberFormat), '1.2%');
    assert.equal(formatNumber(null, percent.numberFormat), '—');
    const plain = measureField(
      {
        NumericalMeasureField: {
          FieldId: 'n',
          Column: column,
          FormatConfiguration: { FormatConfiguration: { NumberDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 0 } } } },
        },
      },
      new Map(),
    );
    assert.equal(formatNumber(1234.56, plain.numberFormat), '1,235');
    assert.equal(formatNumber(1234.567, undefined), '1,234.57', 'no format: grouped, at most two decimals');
  });

  it('draws a line over time with a point for every bucket: counts are 0 where no row is, other measures a gap', () => {
    const visual: VisualModel = {
      id: 'per-day',
      sheetId: 's',
      kind: 'line',
      dataset: 'events',
      dimensions: [{ fieldId: 'day', dataset: 'events', column: 'event_time', type: 'date', granularity: 'DAY', label: 'Day' }],
      measures: [
        { fieldId: 'n', dataset: 'events', column: 'event_id', aggregation: 'COUNT', label: 'Calls' },
        { fieldId: 'avg', dataset: 'events', column: 'latency', aggregation: 'AVERAGE', label: 'Latency' },
      ],
      roles: { category: ['day'], color: [], values: ['n', 'avg'] },
      sort: [],
      unaggregated: false,
      options: {},
    };
    const rows = [
      { dims: ['2026-11-20 00:00:00'], measures: [4, 10] },
      { dims: ['2026-11-23 00:00:00'], measures: [2, 30] },
    ];
    const options = chartOptions(visual, rows) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[]; connectNulls: boolean }[] };
    assert.deepEqual(options.xAxis.data, ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    assert.deepEqual(
      options.series.map((s) => [s.name, s.data]),
      [
        ['Calls', [4, 0, 0, 2]],
        ['Latency', [10, null, null, 30]],
      ],
    );
    assert.equal(options.series[0]!.connectNulls, false);
    const hourly = chartOptions({ ...visual, dimensions: [{ ...visual.dimensions[0]!, granularity: 'HOUR' }] }, [
      { dims: ['2026-11-20 22:00:00'], measures: [1, 1] },
      { dims: ['2026-11-21 01:00:00'], measures: [1, 1] },
    ]) as { xAxis: { data: string[] } };
    assert.deepEqual(hourly.xAxis.data, ['2026-11-20 22:00', '2026-11-20 23:00', '2026-11-21 00:00', '2026-11-21 01:00']);
  });
});
