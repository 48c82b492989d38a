import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { GetTableCommand } from '@aws-sdk/client-glue';
import { awsContext, planTarget } from '../../src/aws/plan-target.ts';
import { publishPlan } from '../../src/aws/publish-plan.ts';
import { compile } from '../../src/kinds/index.ts';
import { generateSample } from '../../src/engine/index.ts';
import { loadSpecs } from '../../src/language/index.ts';
import { defaultTargetName, discoverLogs, hasAwsConfig, openTarget } from '../../src/targets/index.ts';
import { localTrail } from '../../src/targets/local-trail.ts';
import { FIXTURE_SPECS } from './harness.ts';

describe('targets', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-targets-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('defaults to local, even where AWS is configured, unless TRAILSIGHT_TARGET names another', async () => {
    const home = join(dir, 'home');
    await mkdir(home);
    assert.equal(defaultTargetName({ AWS_CA_BUNDLE: '/etc/ssl/cert.pem' }), 'local');
    for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_QUICKSIGHT']) {
      assert.equal(hasAwsConfig({ [name]: 'x' }, home), true, name);
    }
    await mkdir(join(home, '.aws'));
    await writeFile(join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n');
    assert.equal(hasAwsConfig({}, home), true);
    assert.equal(defaultTargetName({}), 'local', 'local stays the default where AWS is configured');
    assert.equal(defaultTargetName({ TRAILSIGHT_TARGET: 'prod' }), 'prod');
  });

  it('finds accounts, Regions and the first day in a logs tree, organization trails included', async () => {
    const file = async (...parts: string[]) => {
      await mkdir(join(dir, ...parts.slice(0, -1)), { recursive: true });
      await writeFile(join(dir, ...parts), '{"Records":[]}');
    };
    await file('plain', 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2026', '01', '05', 'a.json');
    await file('plain', 'AWSLogs', '111122223333', 'CloudTrail', 'eu-west-1', '2025', '12', '30', 'b.json');
    await file('plain', 'AWSLogs', '444455556666', 'CloudTrail', 'us-east-1', '2026', '01', '02', 'c.json');
    assert.deepEqual(await discoverLogs(join(dir, 'plain')), {
      accountsDir: join(dir, 'plain', 'AWSLogs'),
      accounts: ['111122223333', '444455556666'],
      regions: ['eu-west-1', 'us-east-1'],
      insightRegions: [],
      firstDay: '2025-12-30',
    });
    // Insights events, beside the events: the Regions they are in (the trail records Insights there).
    await file('plain', 'AWSLogs', '444455556666', 'CloudTrail-Insight', 'us-east-1', '2026', '01', '03', 'i.json');
    const withInsights = await discoverLogs(join(dir, 'plain'));
    assert.deepEqual(withInsights.insightRegions, ['us-east-1']);
    const source = { bucket: 'b', accounts: ['111122223333'], regions: ['us-east-1'], firstDay: '2026-01-01' };
    const where = { account: '111122223333', region: 'us-east-1' };
    assert.equal(localTrail(source, withInsights, where).trail.HasInsightSelectors, true, 'the local trail has Insights selectors');
    assert.equal(localTrail(source, { ...withInsights, insightRegions: [] }, where).trail.HasInsightSelectors, false);
    await file('org', 'AWSLogs', 'o-abcde12345', '111122223333', 'CloudTrail', 'us-east-1', '2026', '01', '05', 'a.json');
    const org = await discoverLogs(join(dir, 'org'));
    assert.equal(org.accountsDir, join(dir, 'org', 'AWSLogs', 'o-abcde12345'));
    assert.deepEqual(org.accounts, ['111122223333']);
    await assert.rejects(discoverLogs(join(dir, 'plain', 'AWSLogs')), /has no AWSLogs\/ folder: point --logs at the folder that contains AWSLogs/);
    await assert.rejects(discoverLogs(join(dir, 'nowhere')), /nowhere does not exist: point --logs at the folder that contains AWSLogs/);
  });

  it('local with --logs: publishes a table over those logs that Athena on the endpoint answers', async () => {
    const logs = join(dir, 'my-logs');
    await generateSample({ out: logs, events: 400, days: 2, accounts: ['444455556666'], regions: ['eu-west-1'], seed: 3 });
    const loaded = await loadSpecs([FIXTURE_SPECS]);
    const open = await openTarget(loaded.checked!, { name: 'local', logs, workdir: join(dir, '.trailsight'), env: {}, home: dir });
    try {
      assert.deepEqual(open.specs.project.spec.source.accounts, ['444455556666']);
      assert.deepEqual(open.target.principals.owners, ['arn:aws:quicksight:us-east-1:000000000000:user/default/trailsight']);
      const ctx = awsContext(open.clients, open.target);
      const resources = compile(open.specs, open.target);
      const planned = await planTarget(ctx, open.target, resources, { depth: 'quick', prune: false, concurrency: 4 });
      const results = await publishPlan(ctx, planned, { concurrency: 4 });
      assert.ok(
        results.every((r) => r.outcome === 'created'),
        JSON.stringify(results.filter((r) => r.outcome !== 'created')),
      );
      const table = await open.clients.glue.send(new GetTableCommand({ DatabaseName: 'trailsight_test', Name: 'cloudtrail_logs' }));
      assert.equal(table.Table?.Parameters?.['projection.account.values'], '444455556666');

      const athena = open.clients.athena;
      const { QueryExecutionId } = await athena.send(
        new StartQueryExecutionCommand({ QueryString: 'SELECT count(*) AS n FROM trailsight_test.cloudtrail_logs', WorkGroup: 'trailsight-test' }),
      );
      let state = 'QUEUED';
      for (let i = 0; i < 600 && (state === 'QUEUED' || state === 'RUNNING'); i++) {
        await new Promise((r) => setTimeout(r, 50));
        state = (await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }))).QueryExecution?.Status?.State ?? 'UNKNOWN';
      }
      assert.equal(state, 'SUCCEEDED');
      const rows = (await athena.send(new GetQueryResultsCommand({ QueryExecutionId }))).ResultSet?.Rows ?? [];
      assert.equal(Number(rows[1]?.Data?.[0]?.VarCharValue), 400);
    } finally {
      await open.close();
    }
  });
});
