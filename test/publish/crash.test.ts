import assert from 'node:assert/strict';
import { GetTableCommand } from '@aws-sdk/client-glue';
import { ListAnalysesCommand, ListDashboardsCommand, ListDataSetsCommand, ListDataSourcesCommand } from '@aws-sdk/client-quicksight';
import { hasChanges, renderPlanText } from '../../src/plan/index.ts';
import { awsEnv, finished, runCli, spawnCli } from './cli.ts';
import { ACCOUNT, Harness } from './harness.ts';

/** Moments to kill a publish at, each told by what already exists. */
const KILL_POINTS: { name: string; reached(h: Harness): Promise<boolean> }[] = [
  {
    name: 'the Glue table exists',
    reached: async (h) =>
      !!(await h.clients.glue.send(new GetTableCommand({ DatabaseName: 'trailsight_test', Name: 'cloudtrail_logs' })).catch(() => undefined)),
  },
  {
    name: 'the first data set exists',
    reached: async (h) => ((await h.clients.quicksight.send(new ListDataSetsCommand({ AwsAccountId: ACCOUNT }))).DataSetSummaries ?? []).length > 0,
  },
  {
    name: 'the first analysis is being created',
    reached: async (h) => ((await h.clients.quicksight.send(new ListAnalysesCommand({ AwsAccountId: ACCOUNT }))).AnalysisSummaryList ?? []).length > 0,
  },
];

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the publish never got there');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every id of each QuickSight kind in the account, sorted. */
async function inventory(h: Harness): Promise<Record<string, string[]>> {
  const qs = h.clients.quicksight;
  const AwsAccountId = ACCOUNT;
  return {
    DataSource: ((await qs.send(new ListDataSourcesCommand({ AwsAccountId }))).DataSources ?? []).map((d) => d.DataSourceId!).sort(),
    DataSet: ((await qs.send(new ListDataSetsCommand({ AwsAccountId }))).DataSetSummaries ?? []).map((d) => d.DataSetId!).sort(),
    Analysis: ((await qs.send(new ListAnalysesCommand({ AwsAccountId }))).AnalysisSummaryList ?? []).map((d) => d.AnalysisId!).sort(),
    Dashboard: ((await qs.send(new ListDashboardsCommand({ AwsAccountId }))).DashboardSummaryList ?? []).map((d) => d.DashboardId!).sort(),
  };
}

describe('a publish killed at any point (SIGKILL) converges when run again', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  for (const point of KILL_POINTS) {
    it(`killed once ${point.name}: the rerun leaves no duplicates, orphans or half-created resources`, async () => {
      h = await Harness.start({ faults: { latencyMs: { '*': 40 } } });
      const env = awsEnv(h.endpoint.url, h.dir);
      const child = spawnCli(['publish', h.specsDir, '--target', 'aws', '--concurrency', '2'], { cwd: h.dir, env });
      const run = finished(child);
      await waitFor(() => point.reached(h!));
      child.kill('SIGKILL');
      const killed = await run;
      assert.equal(killed.signal, 'SIGKILL', `the publish ended before it was killed:\n${killed.stdout}`);

      h.endpoint.faults.configure({});
      const rerun = await runCli(['publish', h.specsDir, '--target', 'aws'], { cwd: h.dir, env });
      assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);

      const { resources } = await h.compile('aws');
      const wanted = (kind: string) =>
        resources
          .filter((r) => r.kind === kind)
          .map((r) => r.id)
          .sort();
      assert.deepEqual(await inventory(h), {
        DataSource: wanted('DataSource'),
        DataSet: wanted('DataSet'),
        Analysis: wanted('Analysis'),
        Dashboard: wanted('Dashboard'),
      });
      const plan = await h.plan({ target: 'aws' });
      assert.equal(hasChanges(plan), false, renderPlanText(plan));
      const again = await h.record(() => h!.publish({ target: 'aws' }));
      assert.equal(again.writes, 0);
    });
  }
});
