import assert from 'node:assert/strict';
import { ListWorkGroupsCommand } from '@aws-sdk/client-athena';
import { GetDatabasesCommand } from '@aws-sdk/client-glue';
import { ListDashboardsCommand, ListDataSetsCommand } from '@aws-sdk/client-quicksight';
import { FaultInjector } from '../../src/endpoint/faults/injector.ts';
import { parseErrorRate, parseLatency, parseThrottle } from '../../src/endpoint/index.ts';
import { ACCOUNT, clients, failure, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

describe('endpoint: fault injection', () => {
  describe('flag syntax', () => {
    it('parses per-operation tables with a default', () => {
      assert.deepEqual(parseThrottle('CreateDashboard=2/s,*=10/s,athena:*=30/m'), {
        CreateDashboard: { rate: 2 },
        '*': { rate: 10 },
        'athena:*': { rate: 0.5 },
      });
      assert.deepEqual(parseLatency('100'), { '*': 100 });
      assert.deepEqual(parseLatency('CreateDashboard=300, *=50'), { CreateDashboard: 300, '*': 50 });
      assert.deepEqual(parseErrorRate('0.1'), { '*': 0.1 });
    });

    it('refuses malformed values with the flag named', () => {
      assert.throws(() => parseThrottle('CreateDashboard=fast'), /--throttle: "fast" is not a rate/);
      assert.throws(() => parseErrorRate('1.5'), /--error-rate: "1.5" is not a share between 0 and 1/);
      assert.throws(() => parseLatency('Create Dashboard=1'), /--latency-ms: "Create Dashboard" is not an operation name/);
    });

    it('a seed gives the same sequence of failures', async () => {
      const outcomes = async () => {
        const injector = new FaultInjector({ seed: 42, errorRate: { '*': 0.5 } });
        const seen: string[] = [];
        for (let i = 0; i < 20; i++) seen.push(await injector.apply('quicksight', 'ListDashboards'));
        return seen;
      };
      const first = await outcomes();
      assert.deepEqual(await outcomes(), first);
      assert.ok(first.includes('pass') && first.includes('server-error'));
    });
  });

  describe('seen by SDK clients with retries off', () => {
    let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
    let sdk: ReturnType<typeof clients>;
    const A = { AwsAccountId: ACCOUNT };

    before(async () => {
      endpoint = await startTestEndpoint({ faults: { throttle: parseThrottle('ListDashboards=1/s') } });
      sdk = clients(endpoint.url, { maxAttempts: 1 });
    });
    after(() => stopTestEndpoint(endpoint));

    it('throttling: the operation over its rate gets ThrottlingException (429); others pass', async () => {
      await sdk.quicksight.send(new ListDashboardsCommand(A));
      const error = await failure(sdk.quicksight.send(new ListDashboardsCommand(A)));
      assert.equal(error.name, 'ThrottlingException');
      assert.equal(error.$metadata?.httpStatusCode, 429);
      await sdk.quicksight.send(new ListDataSetsCommand(A));
      await sdk.quicksight.send(new ListDataSetsCommand(A));
    });

    it('throttling per service: Athena and Glue answer ThrottlingException too', async () => {
      endpoint.faults.configure({ throttle: { 'athena:*': { rate: 1 }, 'glue:*': { rate: 1 } } });
      await sdk.athena.send(new ListWorkGroupsCommand({}));
      assert.equal((await failure(sdk.athena.send(new ListWorkGroupsCommand({})))).name, 'ThrottlingException');
      await sdk.glue.send(new GetDatabasesCommand({}));
      assert.equal((await failure(sdk.glue.send(new GetDatabasesCommand({})))).name, 'ThrottlingException');
    });

    it('latency: an answer takes at least the injected delay', async () => {
      endpoint.faults.configure({ latencyMs: { ListDataSets: 150 } });
      const started = performance.now();
      await sdk.quicksight.send(new ListDataSetsCommand(A));
      assert.ok(performance.now() - started >= 149, 'answered before the injected latency');
    });

    it('server errors: the configured share of requests fails with the service 5xx', async () => {
      endpoint.faults.configure({ errorRate: { ListDataSets: 1 } });
      const error = await failure(sdk.quicksight.send(new ListDataSetsCommand(A)));
      assert.equal(error.name, 'InternalFailureException');
      assert.equal(error.$metadata?.httpStatusCode, 500);
      endpoint.faults.configure({ errorRate: { 'athena:*': 1 } });
      assert.equal((await failure(sdk.athena.send(new ListWorkGroupsCommand({})))).name, 'InternalServerException');
      await sdk.quicksight.send(new ListDataSetsCommand(A));
    });

    it('an SDK client with retries rides out injected errors', async () => {
      endpoint.faults.configure({ seed: 7, errorRate: { ListDashboards: 0.5 } });
      const retrying = clients(endpoint.url, { maxAttempts: 10 }).quicksight;
      for (let i = 0; i < 5; i++) await retrying.send(new ListDashboardsCommand(A));
    });
  });
});
