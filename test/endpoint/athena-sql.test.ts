/**
 * Athena SQL through the endpoint's Athena API, as Athena answers it: table names resolved through
 * Glue (the context's database, `db.t`, `"db"."t"`, `awsdatacatalog.db.t`), the hidden columns with
 * s3:// paths, execution parameters bound as expressions, results rendered as Athena renders them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CreateWorkGroupCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { CreateDatabaseCommand, CreateTableCommand, type GlueClient } from '@aws-sdk/client-glue';
import { StartQueryExecutionCommand, GetQueryExecutionCommand } from '@aws-sdk/client-athena';
import { generateSample } from '../../src/engine/index.ts';
import { cloudTrailTableInput, runQuery } from './athena-helpers.ts';
import { clients, poll, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

const BUCKET = 'sql-trail';

describe('endpoint: Athena SQL as Athena runs it', function () {
  this.timeout(180000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let athena: AthenaClient;
  let glue: GlueClient;

  before(async () => {
    endpoint = await startTestEndpoint();
    await generateSample({ out: join(endpoint.settings.s3Root, BUCKET), events: 300, days: 2, endDay: '2026-11-20', seed: 11 });
    ({ athena, glue } = clients(endpoint.url));
    for (const database of ['security', 'other']) await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } }));
    await glue.send(new CreateTableCommand(cloudTrailTableInput('security', BUCKET)));
    await athena.send(
      new CreateWorkGroupCommand({ Name: 'trailsight', Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/sql/' } } }),
    );
  });
  after(() => stopTestEndpoint(endpoint));

  const count = async (sql: string, database = 'security') => {
    const { execution, rows } = await runQuery(athena, sql, { database });
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    return Number(rows[0]![0]);
  };

  it('resolves table names as Athena does, from any database of the context', async () => {
    const all = await count('SELECT count(*) FROM cloudtrail_logs');
    assert.ok(all > 0);
    for (const sql of [
      'SELECT count(*) FROM security.cloudtrail_logs',
      'SELECT count(*) FROM "security"."cloudtrail_logs"',
      'SELECT count(*) FROM awsdatacatalog.security.cloudtrail_logs',
      'SELECT count(*) FROM "AwsDataCatalog"."Security"."CloudTrail_Logs"',
    ]) {
      assert.equal(await count(sql, 'other'), all, sql);
    }
  });

  it('names missing tables, databases and catalogs as Athena does', async () => {
    for (const [sql, reason] of [
      ['SELECT * FROM cloudtrail_logs', "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.other.cloudtrail_logs' does not exist"],
      ['SELECT * FROM nowhere.cloudtrail_logs', "SCHEMA_NOT_FOUND: line 1:15: Schema 'nowhere' does not exist"],
      ['SELECT * FROM hive.security.cloudtrail_logs', "CATALOG_NOT_FOUND: line 1:15: Catalog 'hive' does not exist"],
    ] as const) {
      const { execution } = await runQuery(athena, sql, { database: 'other' });
      assert.equal(execution.Status?.State, 'FAILED');
      assert.equal(execution.Status?.StateChangeReason, reason);
    }
  });

  it("shows the hidden columns: each record's file as its s3:// URI, size and modification time", async () => {
    const { execution, rows, header } = await runQuery(athena, 'SELECT "$path", "$file_size", "$file_modified_time", eventid FROM cloudtrail_logs LIMIT 3');
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    assert.deepEqual(header, ['$path', '$file_size', '$file_modified_time', 'eventid']);
    for (const row of rows) {
      assert.match(row[0]!, new RegExp(`^s3://${BUCKET}/AWSLogs/\\d{12}/CloudTrail/[a-z0-9-]+/\\d{4}/\\d{2}/\\d{2}/.+\\.json\\.gz$`));
      assert.ok(Number(row[1]) > 0);
      assert.match(row[2]!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC$/);
    }
    const star = await runQuery(athena, 'SELECT * FROM cloudtrail_logs LIMIT 1');
    assert.ok(!star.header!.some((name) => name?.startsWith('$')), '* does not show hidden columns');
  });

  it('binds ExecutionParameters as expressions, never as text', async () => {
    const run = async (parameters: string[]) => {
      const { QueryExecutionId } = await athena.send(
        new StartQueryExecutionCommand({
          QueryString: 'SELECT count(*) FROM cloudtrail_logs WHERE eventname = ? AND length(eventname) > ?',
          QueryExecutionContext: { Database: 'security' },
          WorkGroup: 'trailsight',
          ExecutionParameters: parameters,
        }),
      );
      return (
        await poll(
          () => athena.send(new GetQueryExecutionCommand({ QueryExecutionId })),
          (r) => ['SUCCEEDED', 'FAILED'].includes(r.QueryExecution?.Status?.State ?? ''),
        )
      ).QueryExecution!;
    };
    assert.equal((await run(["'ConsoleLogin'", '3'])).Status?.State, 'SUCCEEDED');
    // Spliced as text, `eventname = 'x' OR true AND …` would count every event; as the expression it is, it is a type error.
    const injected = await run(["'x' OR true", '0']);
    assert.equal(injected.Status?.State, 'FAILED');
    assert.match(injected.Status?.StateChangeReason ?? '', /^TYPE_MISMATCH: /);
    const closing = await run(["'x') --", '0']);
    assert.match(closing.Status?.StateChangeReason ?? '', /^INVALID_PARAMETER_USAGE: Execution parameter 1 is not an expression/);
    const tooFew = await run(["'ConsoleLogin'"]);
    assert.match(tooFew.Status?.StateChangeReason ?? '', /Incorrect number of parameters: expected 2 but found 1/);
  });

  it('renders values as Athena renders them, and keeps two columns of one name', async () => {
    const { execution, header, rows } = await runQuery(
      athena,
      `SELECT to_utf8('ab') AS b, ARRAY[1, 2] AS a, MAP(ARRAY['k'], ARRAY['v']) AS m, CAST(ROW(1, 'x') AS ROW(id integer, name varchar)) AS r,
              100.0 / 3 AS d, 1E10 AS big, from_iso8601_timestamp('2024-01-02T03:04:05Z') AS t, 'x' AS dup, 'y' AS dup`,
    );
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    assert.deepEqual(header, ['b', 'a', 'm', 'r', 'd', 'big', 't', 'dup', 'dup']);
    assert.deepEqual(rows[0], ['61 62', '[1, 2]', '{k=v}', '{id=1, name=x}', '33.3', '1.0E10', '2024-01-02 03:04:05.000 UTC', 'x', 'y']);
  });

  it("reports a statement Athena's engine does not run as Athena's kind of failure", async () => {
    const { execution } = await runQuery(athena, "SELECT * FROM read_csv('/etc/passwd')");
    assert.equal(execution.Status?.State, 'FAILED');
    assert.match(execution.Status?.StateChangeReason ?? '', /^SYNTAX_ERROR: line 1:\d+: mismatched input/);
  });
});
