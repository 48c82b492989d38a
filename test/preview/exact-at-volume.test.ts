import assert from 'node:assert/strict';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { loadDashboardData } from '../../src/preview/dashboard-data.ts';
import type { DashboardModel, DimensionField, FilterModel, MeasureField, VisualModel } from '../../src/preview/dashboard-model.ts';
import { computeResult } from '../../src/preview/page/aggregate.ts';
import { type FilterChoice, type PageState, passes } from '../../src/preview/page/filter-eval.ts';
import { approximateNote, cellsKept } from '../../src/preview/page/notes.ts';
import { tableRows } from '../../src/preview/page/row-table.ts';
import type { QueryResult } from '../../src/preview/query/athena-runner.ts';
import type { DatasetSource } from '../../src/preview/query/dataset-source.ts';
import { normalizeTimestamp } from '../../src/preview/query/result-rows.ts';
import type { Cell, PagePayload } from '../../src/preview/shipped.ts';

/**
 * More rows than the page may ship, with the default user's rows sorting after everybody else's:
 * the page must still show exact values and rows for every choice, or say what it leaves out.
 */
const EVENTS = 6000;
const ROW_CAP = 400;
const TABLE_LIMIT = 50;
const START = Date.parse('2026-01-01T00:00:00Z');

interface Event {
  user: string;
  ip: string;
  time: string;
  id: string;
}

/** Event i, the same in SQL (below) and here: nicholas every 97th event, the rest spread over many IPs. */
function event(i: number): Event {
  const user = i % 97 === 0 ? 'nicholas' : i % 2 === 0 ? 'alice' : 'bob';
  const ip = user === 'nicholas' ? '198.51.100.77' : `10.${i % 3}.${i % 211}.${i % 5}`;
  const time = new Date(START + i * 3 * 60_000).toISOString().replace('T', ' ').replace('Z', '');
  return { user, ip, time, id: `e${i}` };
}

const DATASET_SQL = `SELECT
  CASE WHEN i % 97 = 0 THEN 'nicholas' WHEN i % 2 = 0 THEN 'alice' ELSE 'bob' END AS "user_name",
  CASE WHEN i % 97 = 0 THEN '198.51.100.77' ELSE '10.' || CAST(i % 3 AS varchar) || '.' || CAST(i % 211 AS varchar) || '.' || CAST(i % 5 AS varchar) END AS "source_ip",
  TIMESTAMP '2026-01-01 00:00:00' + i * INTERVAL '3' MINUTE AS "event_time",
  'e' || CAST(i AS varchar) AS "event_id"
FROM UNNEST(sequence(0, ${EVENTS - 1})) AS t(i)`;

const D = 'events';
const dim = (column: string, type: DimensionField['type'] = 'category'): DimensionField => ({ fieldId: column, dataset: D, column, type, label: column });
const measure = (fieldId: string, column: string, aggregation: MeasureField['aggregation']): MeasureField => ({
  fieldId,
  dataset: D,
  column,
  aggregation,
  label: fieldId,
});
const base = { sheetId: 's', dataset: D, sort: [], unaggregated: false, options: {} } as const;

const VISUALS: VisualModel[] = [
  {
    ...base,
    id: 'calls',
    kind: 'kpi',
    dimensions: [],
    measures: [measure('calls', 'event_id', 'COUNT')],
    roles: { category: [], color: [], values: ['calls'] },
  },
  {
    ...base,
    id: 'ips',
    kind: 'kpi',
    dimensions: [],
    measures: [measure('ips', 'source_ip', 'DISTINCT_COUNT')],
    roles: { category: [], color: [], values: ['ips'] },
  },
  {
    ...base,
    id: 'by-ip',
    kind: 'bar',
    dimensions: [dim('source_ip')],
    measures: [measure('n', 'event_id', 'COUNT')],
    roles: { category: ['source_ip'], color: [], values: ['n'] },
    limit: 5,
  },
  {
    ...base,
    id: 'timeline',
    kind: 'table',
    dimensions: [dim('event_time', 'date'), dim('event_id'), dim('source_ip')],
    measures: [],
    roles: { category: ['event_time', 'event_id', 'source_ip'], color: [], values: [] },
    sort: [{ fieldId: 'event_time', direction: 'DESC' }],
    limit: TABLE_LIMIT,
    unaggregated: true,
  },
];

const FILTERS: FilterModel[] = [
  {
    id: 'by-user',
    dataset: D,
    column: 'user_name',
    columnType: 'category',
    condition: { kind: 'category', match: 'EQUALS', parameter: 'user' },
    nullOption: 'NON_NULLS_ONLY',
    scope: { all: true },
    crossDataset: false,
    interactive: true,
  },
  {
    id: 'period',
    dataset: D,
    column: 'event_time',
    columnType: 'date',
    condition: { kind: 'range', includeMin: true, includeMax: true },
    nullOption: 'ALL_VALUES',
    scope: { all: true },
    crossDataset: false,
    interactive: true,
  },
];

const MODEL: DashboardModel = {
  id: 'volume',
  name: 'Volume',
  sheets: [{ id: 's', title: 'S', visuals: VISUALS, controls: [], layout: {} }],
  parameters: [{ name: 'user', type: 'string', multiValue: false, defaults: ['nicholas'] }],
  filters: FILTERS,
  datasets: { [D]: 'arn:dataset' },
};

/** What the page shows for a visual under a choice: the same calls main.ts makes. */
function shown(payload: Omit<PagePayload, 'version'>, id: string, state: PageState) {
  const visual = VISUALS.find((v) => v.id === id)!;
  const data = payload.data[id]!;
  assert.equal(data.error, undefined, `${id}: ${data.error}`);
  const filters = FILTERS.filter((f) => data.filterKeys[f.id] !== undefined);
  const indexes = filters.map((f) => data.columns.findIndex((c) => c.key === data.filterKeys[f.id]));
  const keep = (row: readonly Cell[]) => filters.every((f, i) => passes(f, row[indexes[i]!] ?? null, state));
  const cells = cellsKept(FILTERS, data, state);
  if (visual.unaggregated) return tableRows(visual, data, keep, cells);
  return { rows: computeResult(visual, data, keep, cells), note: approximateNote(visual, data, filters, state, () => data.rows.filter(keep).length) };
}

function state(user: string | undefined, period?: FilterChoice): PageState {
  return { parameters: { user: user ? [user] : [] }, choices: period ? { period } : {} };
}

describe('preview values at volume: exact for every choice, or saying what is left out', function () {
  this.timeout(120_000);
  let engine: CloudTrailEngine;
  let payload: Omit<PagePayload, 'version'>;
  const events = Array.from({ length: EVENTS }, (_, i) => event(i));
  const truth = (user: string | undefined, from?: string, to?: string) =>
    events.filter((e) => (!user || e.user === user) && (!from || e.time.slice(0, 10) >= from) && (!to || e.time.slice(0, 10) <= to));

  before(async () => {
    engine = await CloudTrailEngine.open();
    const source: DatasetSource = {
      arn: 'arn:dataset',
      name: D,
      sql: DATASET_SQL,
      columns: new Map([
        ['user_name', 'category'],
        ['source_ip', 'category'],
        ['event_time', 'date'],
        ['event_id', 'category'],
      ]),
      calculated: [],
      problems: [],
    };
    const run = async (sql: string): Promise<QueryResult> => {
      const result = await engine.query(sql);
      const rows = result.rows.map((row) =>
        row.map((v, i) => (v !== null && /^timestamp/.test(result.columns[i]!.type) ? normalizeTimestamp(String(v)) : (v as Cell))),
      );
      return { columns: result.columns.map((c) => ({ Name: c.name, Type: c.type })), rows };
    };
    payload = await loadDashboardData({ model: MODEL, problems: [], datasets: new Map([[D, source]]), run, rowCap: ROW_CAP });
  });
  after(async () => engine?.close());

  it('the rows of the default user sort after the cap: the data is bigger than what one query may ship', () => {
    const sorted = [...new Set(events.map((e) => e.user))].sort();
    assert.equal(sorted.at(-1), 'nicholas');
    assert.ok(events.filter((e) => e.user !== 'nicholas').length > ROW_CAP);
    assert.ok(new Set(events.map((e) => e.ip)).size > ROW_CAP, 'more distinct IPs than the cap');
  });

  for (const [user, from, to] of [['nicholas'], ['alice'], [undefined], ['bob', '2026-01-03', '2026-01-04']] as [string | undefined, string?, string?][]) {
    it(`KPIs are exact for ${user ?? 'All'}${from ? ` from ${from} to ${to}` : ''}`, () => {
      const choice = state(user, from ? { from, to } : undefined);
      const expected = truth(user, from, to);
      const calls = shown(payload, 'calls', choice);
      const ips = shown(payload, 'ips', choice);
      assert.deepEqual(calls.rows[0]?.measures, [expected.length]);
      assert.deepEqual(ips.rows[0]?.measures, [new Set(expected.map((e) => e.ip)).size]);
      assert.equal(calls.note, undefined);
      assert.equal(ips.note, undefined);
    });
  }

  for (const user of ['nicholas', 'alice']) {
    it(`the table of rows holds exactly ${user}'s newest calls, and says how many match`, () => {
      const expected = truth(user).sort((a, b) => (a.time < b.time ? 1 : -1));
      const table = shown(payload, 'timeline', state(user)) as ReturnType<typeof tableRows>;
      assert.deepEqual(
        table.rows.map((r) => r.dims[1]),
        expected.slice(0, TABLE_LIMIT).map((e) => e.id),
      );
      assert.equal(table.matching, expected.length);
      assert.equal(table.exact, true);
      if (expected.length > TABLE_LIMIT)
        assert.equal(
          table.note,
          `The newest ${TABLE_LIMIT} of ${expected.length.toLocaleString('en-US')} matching rows: the visual shows at most ${TABLE_LIMIT}.`,
        );
      else assert.equal(table.note, undefined);
    });
  }

  it('a period older than the rows shipped for a user: the table shows none and says exactly why', () => {
    const expected = truth('alice', '2026-01-02', '2026-01-02');
    const table = shown(payload, 'timeline', state('alice', { from: '2026-01-02', to: '2026-01-02' })) as ReturnType<typeof tableRows>;
    assert.equal(table.exact, false);
    assert.deepEqual(table.rows, []);
    const n = expected.length.toLocaleString('en-US');
    assert.equal(
      table.note,
      `None of the ${n} matching rows can be shown: the page holds the newest ${TABLE_LIMIT} rows of each user_name, and ${n} matching rows are not among them (${n} of alice).`,
    );
  });

  it('a bar of top IPs is exact where its rows were all shipped, and says it is approximate where the cap cut them', () => {
    const data = payload.data['by-ip']!;
    assert.equal(data.truncated, true, 'more (IP, user, day) groups than the cap');
    const groups = new Set(events.map((e) => `${e.ip}|${e.user}|${e.time.slice(0, 10)}`)).size;
    const all = shown(payload, 'by-ip', state(undefined));
    assert.equal(
      all.note,
      `Approximate: this visual has ${groups.toLocaleString('en-US')} partial results (one per group and per value of the page's filters); the page holds the ${ROW_CAP} largest, so small groups may be missing and values low.`,
    );
    const nicholas = shown(payload, 'by-ip', state('nicholas'));
    assert.equal(nicholas.note, undefined, "nicholas's groups are all in the page");
    assert.deepEqual(nicholas.rows, [{ dims: ['198.51.100.77'], measures: [truth('nicholas').length] }]);
  });
});
