import assert from 'node:assert/strict';
import {
  BatchGetQueryExecutionCommand,
  CreateWorkGroupCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
} from '@aws-sdk/client-athena';
import { existsSync } from 'node:fs';
import { clients, failure, poll, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

describe('endpoint: Athena query life cycle', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let athena: AthenaClient;
  const start = (QueryString: string, ClientRequestToken?: string) =>
    athena.send(new StartQueryExecutionCommand({ QueryString, WorkGroup: 'wg', ClientRequestToken }));
  const state = async (QueryExecutionId: string) => (await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }))).QueryExecution!;

  before(async () => {
    endpoint = await startTestEndpoint({ queryDelayMs: 300 });
    athena = clients(endpoint.url).athena;
    await athena.send(new CreateWorkGroupCommand({ Name: 'wg', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/wg/' } } }));
  });
  after(() => stopTestEndpoint(endpoint));

  it('QUEUED, then SUCCEEDED with statistics; results refused until then', async () => {
    const { QueryExecutionId } = await start('SELECT 1 AS one');
    const queued = await state(QueryExecutionId!);
    assert.equal(queued.Status?.State, 'QUEUED');
    assert.equal((await failure(athena.send(new GetQueryResultsCommand({ QueryExecutionId })))).name, 'InvalidRequestException');
    const done = await poll(
      () => state(QueryExecutionId!),
      (q) => q.Status?.State === 'SUCCEEDED',
    );
    assert.equal(done.Status?.State, 'SUCCEEDED');
    assert.ok((done.Statistics?.TotalExecutionTimeInMillis ?? 0) >= 300);
    assert.ok(done.Status?.CompletionDateTime instanceof Date);
  });

  it('StopQueryExecution cancels a query that has not finished', async () => {
    const { QueryExecutionId } = await start('SELECT 2');
    await athena.send(new StopQueryExecutionCommand({ QueryExecutionId }));
    await new Promise((r) => setTimeout(r, 500));
    const stopped = await state(QueryExecutionId!);
    assert.equal(stopped.Status?.State, 'CANCELLED');
  });

  it('the same ClientRequestToken starts one execution', async () => {
    const token = 'token-0123456789-0123456789-0123456789';
    const first = await start('SELECT 3', token);
    const again = await start('SELECT 3', token);
    assert.equal(again.QueryExecutionId, first.QueryExecutionId);
    const batch = await athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: [first.QueryExecutionId!, 'not-an-id'] }));
    assert.equal(batch.QueryExecutions?.length, 1);
    assert.equal(batch.UnprocessedQueryExecutionIds?.[0]?.QueryExecutionId, 'not-an-id');
  });
});

describe('endpoint: Athena executions when the endpoint closes', () => {
  it('a query queued when the endpoint closes never runs after it: nothing writes its state or opens its engine again', async function () {
    this.timeout(30_000);
    const endpoint = await startTestEndpoint({ queryDelayMs: 1500 });
    const athena = clients(endpoint.url).athena;
    await athena.send(new CreateWorkGroupCommand({ Name: 'wg', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/wg/' } } }));
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'wg' }));
    assert.ok(QueryExecutionId);
    // Closes the endpoint and removes its state and S3 folders, while the query is still queued.
    await stopTestEndpoint(endpoint);
    await new Promise((r) => setTimeout(r, 2500));
    for (const dir of endpoint.dirs) assert.equal(existsSync(dir), false, `${dir} was written after the endpoint closed`);
  });
});
