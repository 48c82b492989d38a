import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import type { FilterModel, VisualModel } from '../../src/preview/dashboard-model.ts';
import { filterPredicate } from '../../src/preview/query/filter-sql.ts';
import { normalizeTimestamp } from '../../src/preview/query/result-rows.ts';
import { quoteIdentifier, quoteString, quoteTimestamp } from '../../src/preview/query/sql-text.ts';
import { buildVisualQuery } from '../../src/preview/query/visual-query.ts';
import type { ColumnKind } from '../../src/preview/query/dataset-source.ts';

const HOSTILE = `it's "quoted" -- ; DROP TABLE x; <script>alert(1)</script> %_\\`;

/** The dataset: a VALUES list, so the built SQL runs as it is on DuckDB. */
const DATASET_SQL = `SELECT * FROM (VALUES
  ('nicholas', 'StopInstances', TIMESTAMP '2026-01-02 10:15:00', 1, '198.51.100.77'),
  ('nicholas', 'ListUsers', TIMESTAMP '2026-01-02 10:05:00', 1, '198.51.100.77'),
  ('nicholas', 'DescribeInstances', TIMESTAMP '2026-01-02 09:59:00', 0, '198.51.100.77'),
  ('alice', 'DescribeInstances', TIMESTAMP '2026-01-01 08:00:00', 0, '10.0.0.1'),
  ('alice', 'DescribeInstances', TIMESTAMP '2026-01-01 09:00:00', 0, '10.0.0.2'),
  (${quoteString(HOSTILE)}, 'GetObject', TIMESTAMP '2026-01-03 00:00:00', 1, '10.0.0.3'),
  (NULL, 'Decrypt', TIMESTAMP '2026-01-03 01:00:00', 0, 'kms.amazonaws.com')
) AS t("user_name", "event_name", "event_time", "error_count", "source_ip")`;

const COLUMNS = new Map<string, ColumnKind>([
  ['user_name', 'category'],
  ['event_name', 'category'],
  ['event_time', 'date'],
  ['error_count', 'number'],
  ['source_ip', 'category'],
]);

function visual(overrides: Partial<VisualModel>): VisualModel {
  return {
    id: 'v',
    sheetId: 's',
    kind: 'bar',
    dataset: 'events',
    dimensions: [],
    measures: [],
    roles: { category: [], color: [], values: [] },
    sort: [],
    unaggregated: false,
    options: {},
    ...overrides,
  };
}

const byUser = (interactive: boolean, values?: string[]): FilterModel => ({
  id: 'by-user',
  dataset: 'events',
  column: 'user_name',
  columnType: 'category',
  condition: interactive ? { kind: 'category', match: 'EQUALS', parameter: 'user' } : { kind: 'category', match: 'EQUALS', values: values ?? [] },
  nullOption: 'NON_NULLS_ONLY',
  scope: { all: true },
  crossDataset: false,
  interactive,
});

describe('preview query builder', () => {
  let run: (sql: string) => Promise<Record<string, unknown>[]>;
  let close: () => void;
  before(async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // Trino's to_utf8 (distinct counts tell long text apart by its SHA-256) is DuckDB's encode.
    await connection.run('CREATE MACRO to_utf8(s) AS encode(s)');
    run = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    close = () => {
      connection.closeSync();
      instance.closeSync();
    };
  });
  after(() => close());

  it('quotes identifiers and string literals so any text stays data', async () => {
    assert.equal(quoteIdentifier('a"b'), '"a""b"');
    assert.equal(quoteString("it's"), "'it''s'");
    assert.equal(quoteString('a\u0000b'), "('a' || chr(0) || 'b')", 'a NUL character is spliced in, never lost or passed raw');
    assert.equal(quoteTimestamp('2026-01-02T10:15:00Z'), "TIMESTAMP '2026-01-02 10:15:00'");
    assert.throws(() => quoteTimestamp("2026-01-02'; DROP"), /not a date-time/);
    const rows = await run(`SELECT ${quoteString(HOSTILE)} AS ${quoteIdentifier(HOSTILE)}`);
    assert.deepEqual(rows, [{ [HOSTILE]: HOSTILE }]);
  });

  it('groups by the dimensions, aggregates, sorts and cuts in SQL when nothing is filtered in the page', async () => {
    const query = buildVisualQuery({
      visual: visual({
        dimensions: [{ fieldId: 'x', dataset: 'events', column: 'event_name', type: 'category', label: 'Event' }],
        measures: [
          { fieldId: 'n', dataset: 'events', column: 'event_name', aggregation: 'COUNT', label: 'Calls' },
          { fieldId: 'ips', dataset: 'events', column: 'source_ip', aggregation: 'DISTINCT_COUNT', label: 'IPs' },
        ],
        roles: { category: ['x'], color: [], values: ['n', 'ips'] },
        sort: [{ fieldId: 'n', direction: 'DESC' }],
        limit: 2,
      }),
      datasetSql: DATASET_SQL,
      datasetColumns: COLUMNS,
      filters: [byUser(false, ['nicholas', 'alice', HOSTILE])],
      rowCap: 100,
    });
    assert.equal(query.finalized, true);
    assert.match(query.sql, /^WITH ds AS \(/);
    const rows = await run(query.sql);
    assert.deepEqual(rows, [
      { d0: 'DescribeInstances', m0_sum: '3', m1_exact: '3' },
      { d0: 'GetObject', m0_sum: '1', m1_exact: '1' },
    ]);
  });

  it('truncates dates to the granularity and applies static filters with hostile values', async () => {
    const query = buildVisualQuery({
      visual: visual({
        kind: 'line',
        dimensions: [{ fieldId: 'day', dataset: 'events', column: 'event_time', type: 'date', granularity: 'DAY', label: 'Day' }],
        measures: [{ fieldId: 'errors', dataset: 'events', column: 'error_count', aggregation: 'SUM', label: 'Errors' }],
        roles: { category: ['day'], color: [], values: ['errors'] },
      }),
      datasetSql: DATASET_SQL,
      datasetColumns: COLUMNS,
      filters: [byUser(false, [HOSTILE, 'nicholas'])],
      rowCap: 100,
    });
    const rows = await run(query.sql);
    assert.deepEqual(
      rows.map((r) => [String(r.d0).slice(0, 10), r.m0_sum]),
      [
        ['2026-01-02', '2'],
        ['2026-01-03', '1'],
      ],
    );
  });

  it('ships the filtered column and per-value top rows when a control filters in the page', async () => {
    const query = buildVisualQuery({
      visual: visual({
        kind: 'table',
        unaggregated: true,
        dimensions: [
          { fieldId: 't', dataset: 'events', column: 'event_time', type: 'date', label: 'Time' },
          { fieldId: 'e', dataset: 'events', column: 'event_name', type: 'category', label: 'Event' },
        ],
        roles: { category: ['t', 'e'], color: [], values: [] },
        sort: [{ fieldId: 't', direction: 'DESC' }],
        limit: 2,
      }),
      datasetSql: DATASET_SQL,
      datasetColumns: COLUMNS,
      filters: [byUser(true)],
      rowCap: 100,
    });
    assert.equal(query.finalized, false);
    assert.equal(query.filterKeys['by-user'], 'f0');
    const rows = await run(query.sql);
    const nicholas = rows.filter((r) => r.f0 === 'nicholas').map((r) => r.d1);
    assert.deepEqual(nicholas, ['StopInstances', 'ListUsers'], 'the two newest calls of each user');
    assert.equal(rows.filter((r) => r.f0 === 'alice').length, 2);
    assert.equal(rows.filter((r) => r.f0 === HOSTILE).length, 1);
  });

  it("reads Athena's date-times, with a zone or not, as one sortable text: date, space, time", () => {
    assert.deepEqual(
      ['2026-12-07 17:40:42.000 UTC', '2026-12-07T17:40:42.000Z', '2026-12-07 17:40:42.000', '2026-12-07 17:40:42.000+00:00'].map(normalizeTimestamp),
      ['2026-12-07 17:40:42.000', '2026-12-07 17:40:42.000', '2026-12-07 17:40:42.000', '2026-12-07 17:40:42.000'],
    );
  });

  it('refuses a visual whose column the dataset does not have, naming it', () => {
    assert.throws(
      () =>
        buildVisualQuery({
          visual: visual({
            kind: 'kpi',
            measures: [{ fieldId: 'm', dataset: 'events', column: 'error_rate', aggregation: 'SUM', label: 'Rate' }],
            roles: { category: [], color: [], values: ['m'] },
          }),
          datasetSql: DATASET_SQL,
          datasetColumns: COLUMNS,
          filters: [],
          rowCap: 10,
        }),
      /column error_rate is not in the dataset's output/,
    );
  });

  it('writes QuickSight null options and LIKE matches with escaped wildcards', async () => {
    const contains: FilterModel = { ...byUser(false), condition: { kind: 'category', match: 'CONTAINS', values: ['%_\\'] }, nullOption: 'ALL_VALUES' };
    const rows = await run(`WITH ds AS (${DATASET_SQL}) SELECT user_name FROM ds WHERE ${filterPredicate(contains)} ORDER BY 1 NULLS LAST`);
    assert.deepEqual(rows, [{ user_name: HOSTILE }, { user_name: null }]);
  });
});
