import assert from 'node:assert/strict';
import { resolveTarget } from '../../src/compile/index.ts';
import { compile, type DesiredResource } from '../../src/kinds/index.ts';
import type { DataSetColumnSpec } from '../../src/language/index.ts';
import { parseExpression, parseQuery, renameTables } from '../../src/sql/index.ts';
import { selectItem, windowPredicate } from '../../src/compile/dataset/sql.ts';
import { fixtureSpecs, refusalsWith, withSpec } from './helpers.ts';

const specs = fixtureSpecs();
const local = resolveTarget(specs.project.spec);
type DataSetResource = Extract<DesiredResource, { kind: 'DataSet' }>;
const dataset = (resources: DesiredResource[], id: string) => resources.find((r): r is DataSetResource => r.kind === 'DataSet' && r.id === id)!;
/** A column's select item, from its parsed expression as the gate keeps it. */
const item = (column: DataSetColumnSpec) => selectItem(column, parseExpression(column.expr ?? column.name));
const customSql = (r: DataSetResource) => r.input.PhysicalTableMap!['cloudtrail-sql'].CustomSql!;

describe('compile: datasets', () => {
  const resources = compile(specs, local);

  it('selects the columns over the qualified Glue table, with the row filter and the time window on the partition', () => {
    const sql = customSql(dataset(resources, 'events')).SqlQuery!;
    assert.match(sql, /^SELECT\n {2}eventid AS "event_id",\n/);
    assert.match(sql, /\nFROM "fixture_db"\."cloudtrail_logs"\n/);
    assert.match(sql, /\nWHERE \(eventtype = 'AwsApiCall'\)\n {2}AND "timestamp" >= date_format\(current_date - interval '30' day, '%Y\/%m\/%d'\)$/);
  });

  it('declares every column with its QuickSight type', () => {
    const columns = customSql(dataset(resources, 'events')).Columns!;
    const types = Object.fromEntries(columns.map((c) => [c.Name, c.SubType ? `${c.Type}/${c.SubType}` : c.Type]));
    assert.deepEqual(types, {
      event_id: 'STRING',
      event_time: 'DATETIME',
      event_name: 'STRING',
      aws_region: 'STRING',
      user_name: 'STRING',
      principal_type: 'STRING',
      error_code: 'STRING',
      is_error: 'BOOLEAN',
      error_count: 'INTEGER',
      bucket_name: 'STRING',
      latency: 'DECIMAL/FLOAT',
      account: 'STRING',
    });
  });

  it('casts every column that is not a plain string column to its declared type', () => {
    assert.equal(item({ name: 'event_name', expr: 'eventname' }), 'eventname AS "event_name"');
    assert.equal(item({ name: 'arn', expr: 'useridentity.arn' }), 'useridentity.arn AS "arn"');
    assert.equal(item({ name: 'account' }), 'account AS "account"');
    assert.equal(item({ name: 't', expr: 'eventtime', type: 'datetime' }), 'CAST(from_iso8601_timestamp(eventtime) AS timestamp) AS "t"');
    assert.equal(
      item({ name: 't', expr: 'from_iso8601_timestamp(eventtime)', type: 'datetime' }),
      'CAST(from_iso8601_timestamp(eventtime) AS timestamp) AS "t"',
    );
    assert.equal(item({ name: 'n', expr: 'length(eventname)', type: 'integer' }), 'CAST(length(eventname) AS bigint) AS "n"');
    assert.equal(item({ name: 'x', expr: 'length(eventname) / 3.0', type: 'decimal' }), 'CAST(length(eventname) / 3.0 AS double) AS "x"');
    assert.equal(item({ name: 'b', expr: 'errorcode IS NULL', type: 'boolean' }), 'CAST(errorcode IS NULL AS boolean) AS "b"');
    assert.equal(
      item({ name: 's', expr: "json_extract_scalar(requestparameters, '$.a')" }),
      `CAST(json_extract_scalar(requestparameters, '$.a') AS varchar) AS "s"`,
    );
  });

  it('keeps a time window as a predicate Athena prunes partitions with', () => {
    assert.equal(windowPredicate(7), `"timestamp" >= date_format(current_date - interval '7' day, '%Y/%m/%d')`);
  });

  it('adds calculated fields and column descriptions in the logical table', () => {
    const logical = dataset(resources, 'events').input.LogicalTableMap!.cloudtrail;
    assert.deepEqual(logical.Source, { PhysicalTableId: 'cloudtrail-sql' });
    assert.deepEqual(logical.DataTransforms![0].CreateColumnsOperation!.Columns, [
      { ColumnName: 'error_rate', ColumnId: 'calculated-error_rate', Expression: 'sum({error_count}) / count({event_id})' },
      { ColumnName: 'service', ColumnId: 'calculated-service', Expression: "split({event_name}, ':', 1)" },
    ]);
    assert.deepEqual(logical.DataTransforms![1].TagColumnOperation, {
      ColumnName: 'event_time',
      Tags: [{ ColumnDescription: { Text: 'When the call completed.' } }],
    });
  });

  it('queries directly by default; SPICE datasets get their refresh schedule', () => {
    assert.equal(dataset(resources, 'events').input.ImportMode, 'DIRECT_QUERY');
    assert.equal(dataset(resources, 'events').refreshSchedule, undefined);
    const logins = dataset(resources, 'logins');
    assert.equal(logins.input.ImportMode, 'SPICE');
    assert.deepEqual(logins.refreshSchedule, {
      AwsAccountId: '000000000000',
      DataSetId: 'logins',
      Schedule: {
        ScheduleId: 'logins-refresh',
        RefreshType: 'FULL_REFRESH',
        ScheduleFrequency: { Interval: 'WEEKLY', Timezone: 'Europe/Berlin', TimeOfTheDay: '06:30', RefreshOnDay: { DayOfWeek: 'MONDAY' } },
      },
    });
  });

  it('qualifies the table in free SQL and takes the columns as declared', () => {
    const sql = customSql(dataset(resources, 'services'));
    assert.match(sql.SqlQuery!, /FROM "fixture_db"\."cloudtrail_logs"\n/);
    assert.match(sql.SqlQuery!, /the name cloudtrail_logs in this comment stays/);
    assert.match(sql.SqlQuery!, /eventsource <> 'cloudtrail_logs'/);
    assert.deepEqual(sql.Columns, [
      { Name: 'service', Type: 'STRING' },
      { Name: 'calls', Type: 'INTEGER' },
      { Name: 'last_call', Type: 'DATETIME' },
    ]);
  });

  it('points at the data source and depends on it and on the table', () => {
    const prod = resolveTarget(specs.project.spec, { name: 'prod' });
    const events = dataset(compile(specs, prod), 'prod-events');
    assert.equal(customSql(events).DataSourceArn, 'arn:aws:quicksight:eu-central-1:333333333333:datasource/prod-fixture');
    assert.match(customSql(events).SqlQuery!, /FROM "prod_fixture_db"\."cloudtrail_logs"/);
    assert.deepEqual(events.dependsOn, ['DataSource/prod-fixture', 'GlueTable/prod_fixture_db.cloudtrail_logs']);
  });
});

describe('compile: free SQL over the Insights table', () => {
  const sql = `WITH insights AS (
  SELECT sharedeventid, account, insightdetails.eventsource AS source, insightdetails.eventname AS name,
         min(from_iso8601_timestamp(eventtime)) AS started, max(from_iso8601_timestamp(eventtime)) AS ended
  FROM cloudtrail_insights
  GROUP BY 1, 2, 3, 4
)
SELECT i.source AS service, count(c.eventid) AS calls, CAST(max(from_iso8601_timestamp(c.eventtime)) AS timestamp) AS last_call
FROM insights i JOIN cloudtrail_logs c
  ON c.account = i.account AND c.eventsource = i.source AND c.eventname = i.name
 AND from_iso8601_timestamp(c.eventtime) BETWEEN i.started AND i.ended
GROUP BY 1`;
  /** The fixture's free-SQL dataset (the analysis reads its service, calls and last_call) with the SQL `sql`. */
  const over = (text: string) =>
    withSpec(specs, 'services', (d) => {
      d.sql = text;
    });

  it("qualifies cloudtrail_insights with the Project's Glue table too, and depends on both tables", () => {
    const prod = resolveTarget(specs.project.spec, { name: 'prod' });
    const resource = dataset(compile(over(sql), prod), 'prod-services');
    const query = customSql(resource).SqlQuery!;
    assert.match(query, /FROM "prod_fixture_db"\."cloudtrail_insights"\n/);
    assert.match(query, /FROM insights i JOIN "prod_fixture_db"\."cloudtrail_logs" c/);
    assert.deepEqual(resource.dependsOn, [
      'DataSource/prod-fixture',
      'GlueTable/prod_fixture_db.cloudtrail_logs',
      'GlueTable/prod_fixture_db.cloudtrail_insights',
    ]);
    const named = withSpec(over(sql), 'fixture', (p) => (p.glue.insightsTable = 'trail_insights'));
    assert.match(customSql(dataset(compile(named, prod), 'prod-services')).SqlQuery!, /FROM "prod_fixture_db"\."trail_insights"\n/);
  });

  it('a dataset reading only the Insights table depends on it alone', () => {
    const only = over(
      'SELECT insightdetails.eventsource AS service, count(*) AS calls, CAST(max(from_iso8601_timestamp(eventtime)) AS timestamp) AS last_call FROM cloudtrail_insights GROUP BY 1',
    );
    assert.deepEqual(dataset(compile(only, local), 'services').dependsOn, ['DataSource/fixture', 'GlueTable/fixture_db.cloudtrail_insights']);
  });

  it('is checked by the gate against the Insights columns', () => {
    const refusals = refusalsWith(specs, 'services', (d) => {
      d.sql = sql.replace('insightdetails.eventsource', 'insightdetails.insightcontext.statistics.baselin.average');
    });
    assert.equal(
      refusals[0],
      "sql: column 'insightdetails.insightcontext.statistics' has no field 'baselin' (did you mean 'insightdetails.insightcontext.statistics.baseline'?)",
    );
  });
});

describe('renaming the CloudTrail table in free SQL', () => {
  const q = (sql: string) =>
    renameTables(sql, parseQuery(sql).query, (parts) => (parts.length === 1 && parts[0] === 'cloudtrail_logs' ? '"db"."t"' : undefined));
  it('replaces bare and quoted references to cloudtrail_logs, in any case, at the places the parser found them', () => {
    assert.equal(q('SELECT * FROM cloudtrail_logs'), 'SELECT * FROM "db"."t"');
    assert.equal(q('select * from "cloudtrail_logs" c join CloudTrail_Logs d on true'), 'select * from "db"."t" c join "db"."t" d on true');
  });
  it('leaves literals, comments, columns, WITH queries and qualified names alone', () => {
    const sql =
      "SELECT 'cloudtrail_logs', cloudtrail_logs_old.x -- cloudtrail_logs\n/* cloudtrail_logs */ FROM other.cloudtrail_logs, my_cloudtrail_logs AS cloudtrail_logs_old";
    assert.equal(q(sql), sql);
    const withQuery = 'WITH cloudtrail_logs AS (SELECT 1 AS x) SELECT * FROM cloudtrail_logs';
    assert.equal(q(withQuery), withQuery);
  });
});
