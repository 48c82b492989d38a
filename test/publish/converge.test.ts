import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateDashboardCommand,
  DescribeDashboardCommand,
  DescribeDashboardDefinitionCommand,
  ListTagsForResourceCommand,
  UpdateDashboardCommand,
  UpdateDashboardPublishedVersionCommand,
  UpdateDataSetPermissionsCommand,
} from '@aws-sdk/client-quicksight';
import { GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import { awsContext, planTarget } from '../../src/aws/plan-target.ts';
import { publishPlan } from '../../src/aws/publish-plan.ts';
import { hasChanges, renderPlanJson, renderPlanText, summarisePlan } from '../../src/plan/index.ts';
import { ACCOUNT, Harness, MODELS_MISSING, modelViolations, outcomes } from './harness.ts';

describe('publish converges the local endpoint to the specs', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h?.stop();
  });

  it('creates every resource, and a plan afterwards finds nothing to change', async () => {
    const { value, writes } = await h.record(() => h.publish());
    const { resources } = await h.compile();
    assert.equal(value.results.length, resources.length);
    assert.ok(
      value.results.every((r) => r.outcome === 'created'),
      JSON.stringify(outcomes(value.results)),
    );
    assert.ok(writes >= resources.length);
    const after = await h.plan();
    assert.equal(hasChanges(after), false, renderPlanText(after));
    assert.equal(summarisePlan(after).unchanged, resources.length);
  });

  it('a second publish makes zero write calls and reads each resource at most once besides the List pages: the deployment record, permissions, Glue and Athena', async () => {
    await h.publish();
    const { value, reads, writes, calls } = await h.record(() => h.publish());
    const operations = calls.map((c) => `${c.service}:${c.operation}`);
    assert.equal(writes, 0, operations.join(', '));
    assert.deepEqual(
      operations.sort(),
      [
        // Glue and Athena: read in full, as every time.
        'athena:GetWorkGroup',
        'athena:ListTagsForResource',
        'glue:GetDatabase',
        // The trail's two tables: its events and its Insights events.
        'glue:GetTable',
        'glue:GetTable',
        'glue:GetTags',
        // A List page per QuickSight kind (per 100): every LastUpdatedTime and published version…
        'quicksight:ListAnalyses',
        'quicksight:ListDashboards',
        'quicksight:ListDataSets',
        'quicksight:ListDataSources',
        'quicksight:ListFolders',
        'quicksight:ListThemes',
        // …and the data source's tags: its own fingerprint and the target's deployment record.
        'quicksight:ListTagsForResource',
        // The permissions of what exposes data (no LastUpdatedTime or record tracks them): the
        // data source, each dataset, each dashboard, each folder (its viewers see what it holds).
        // Analyses' and themes' are plan's and --refresh's.
        'quicksight:DescribeDashboardPermissions',
        'quicksight:DescribeDashboardPermissions',
        'quicksight:DescribeDashboardPermissions',
        'quicksight:DescribeDataSetPermissions',
        'quicksight:DescribeDataSetPermissions',
        'quicksight:DescribeDataSourcePermissions',
        'quicksight:DescribeFolderPermissions',
      ].sort(),
    );
    // The List pages are a page per kind per 100 resources (the bench's 114 resources: 71 reads).
    const listPages = operations.filter((op) => /^quicksight:List(DataSources|DataSets|Analyses|Dashboards|Themes|Folders)$/.test(op)).length;
    assert.ok(reads - listPages <= value.results.length, `${reads} reads (${listPages} List pages) for ${value.results.length} resources`);
    assert.ok(value.results.every((r) => r.outcome === 'unchanged'));
    const vouched = value.plan.operations.filter((op) => op.action === 'no-op' && op.checked === 'deployment').map((op) => op.kind);
    assert.deepEqual([...new Set(vouched)].sort(), ['Analysis', 'Dashboard', 'DataSet', 'Folder', 'Theme']);
  });

  it('a first publish reads each resource once and writes each once, plus its fingerprint tag and the deployment record', async () => {
    const { calls, reads, writes } = await h.record(() => h.publish());
    const count = (predicate: (operation: string) => boolean) => {
      const out: Record<string, number> = {};
      for (const c of calls.filter((c) => predicate(c.operation))) out[`${c.service}:${c.operation}`] = (out[`${c.service}:${c.operation}`] ?? 0) + 1;
      return out;
    };
    // The fixture: the Glue database and the trail's two tables, the workgroup, the data source, 2 datasets, a theme, 3 boards, a folder of 2.
    assert.deepEqual(
      count((op) => !/^(Describe|Get|List)/.test(op)),
      {
        'glue:CreateDatabase': 1,
        'glue:CreateTable': 2,
        'athena:CreateWorkGroup': 1,
        'athena:TagResource': 1, // the workgroup's fingerprint
        'quicksight:CreateDataSource': 1,
        'quicksight:CreateDataSet': 2,
        'quicksight:CreateTheme': 1,
        'quicksight:CreateAnalysis': 3,
        'quicksight:CreateDashboard': 3,
        'quicksight:CreateFolder': 1,
        'quicksight:CreateFolderMembership': 2,
        // Fingerprints (stamped) of the data source, datasets, theme, analyses and folder; then the deployment record.
        'quicksight:TagResource': 9,
      },
    );
    assert.equal(writes, 27);
    // Reads: Glue and the workgroup once; each List page twice (to plan, and for the record once
    // everything converged); each asynchronous creation's status; each dataset's and the folder's LastUpdatedTime.
    const waits = count((op) => /^Describe(DataSource|Theme|Analysis|Dashboard)$/.test(op));
    assert.deepEqual(Object.keys(waits).sort(), [
      'quicksight:DescribeAnalysis',
      'quicksight:DescribeDashboard',
      'quicksight:DescribeDataSource',
      'quicksight:DescribeTheme',
    ]);
    const polls = Object.values(waits).reduce((a, b) => a + b, 0);
    assert.ok(polls >= 8, `${polls} status reads for 8 asynchronous creations`);
    assert.deepEqual(
      count((op) => /^(Get|List)/.test(op) || op === 'DescribeDataSet' || op === 'DescribeFolder'),
      {
        'glue:GetDatabase': 1,
        'glue:GetTable': 2,
        'athena:GetWorkGroup': 1,
        'quicksight:ListDataSources': 2,
        'quicksight:ListDataSets': 2,
        'quicksight:ListAnalyses': 2,
        'quicksight:ListDashboards': 2,
        'quicksight:ListThemes': 2,
        'quicksight:ListFolders': 2,
        // The LastUpdatedTime the fingerprint tags of the synchronous creations record.
        'quicksight:DescribeDataSet': 2,
        'quicksight:DescribeFolder': 1,
      },
    );
    assert.equal(reads, 19 + polls);
  });

  it('a changed spec updates only what it compiles to, and publishes the new dashboard version', async () => {
    await h.publish();
    const file = join(h.specsDir, 'activity.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Top event names', 'title: Most frequent calls'));
    const plan = await h.plan();
    const changed = plan.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`);
    assert.deepEqual(changed, ['Analysis/activity', 'Dashboard/activity']);
    const text = renderPlanText(plan);
    assert.match(text, /~ update\s+Dashboard\/activity/);
    assert.match(text, /-\s+"PlainText": "Top event names"/);
    assert.match(text, /\+\s+"PlainText": "Most frequent calls"/);
    const json = JSON.parse(renderPlanJson(plan)) as { changes: { id: string; action: string }[] };
    assert.deepEqual(
      json.changes.map((c) => `${c.action} ${c.id}`),
      ['update activity', 'update activity'],
    );

    const { value } = await h.record(() => h.publish());
    assert.deepEqual(
      Object.entries(outcomes(value.results)).filter(([, o]) => o !== 'unchanged'),
      [
        ['Analysis/activity', 'updated'],
        ['Dashboard/activity', 'updated'],
      ],
    );
    const dashboard = await h.clients.quicksight.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: 'activity' }));
    assert.equal(dashboard.Dashboard?.Version?.VersionNumber, 2, 'the new version is the published one');
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('drift: a dashboard republished from elsewhere shows in plan and the next publish restores it', async () => {
    await h.publish();
    const qs = h.clients.quicksight;
    const current = await qs.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2' }));
    const definition = structuredClone(current.Definition!);
    (definition.Sheets![0].Visuals![0].KPIVisual!.Title!.FormatText as { PlainText?: string }).PlainText = 'Edited in the console';
    const updated = await qs.send(new UpdateDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2', Name: current.Name!, Definition: definition }));
    const version = Number(/\/version\/(\d+)$/.exec(updated.VersionArn!)![1]);
    await new Promise((r) => setTimeout(r, 150));
    await qs.send(new UpdateDashboardPublishedVersionCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2', VersionNumber: version }));

    const plan = await h.plan();
    const drifted = plan.operations.filter((op) => op.action !== 'no-op');
    assert.deepEqual(
      drifted.map((op) => `${op.action} ${op.kind}/${op.id}`),
      ['update Dashboard/ec2'],
    );
    assert.match(renderPlanText(plan), /\+\s+"PlainText": "Calls"/);
    assert.match(renderPlanText(plan), /-\s+"PlainText": "Edited in the console"/);

    const { value } = await h.record(() => h.publish());
    assert.equal(outcomes(value.results)['Dashboard/ec2'], 'updated');
    const restored = await qs.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ACCOUNT, DashboardId: 'ec2' }));
    assert.equal((restored.Definition!.Sheets![0].Visuals![0].KPIVisual!.Title!.FormatText as { PlainText?: string }).PlainText, 'Calls');
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('drift in the Glue table (read in full by its one Get call) is restored by the next publish', async () => {
    await h.publish();
    const { Table } = await h.clients.glue.send(new GetTableCommand({ DatabaseName: 'trailsight_test', Name: 'cloudtrail_logs' }));
    const { Name, StorageDescriptor, PartitionKeys, TableType, Parameters } = Table!;
    await h.clients.glue.send(
      new UpdateTableCommand({
        DatabaseName: 'trailsight_test',
        TableInput: { Name, StorageDescriptor, PartitionKeys, TableType, Parameters: { ...Parameters, 'projection.region.values': 'us-west-2' } },
      }),
    );
    const plan = await h.plan();
    assert.deepEqual(
      plan.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`),
      ['GlueTable/trailsight_test.cloudtrail_logs'],
    );
    assert.match(renderPlanText(plan), /-\s+"projection.region.values": "us-west-2",\n\s+\+\s+"projection.region.values": "us-east-1",/);
    const { value, writes } = await h.record(() => h.publish());
    assert.equal(outcomes(value.results)['GlueTable/trailsight_test.cloudtrail_logs'], 'updated');
    assert.equal(writes, 1);
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('drift in permissions shows in plan; a plain publish revokes what the specs do not grant', async () => {
    await h.publish();
    const stranger = `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/stranger`;
    await h.clients.quicksight.send(
      new UpdateDataSetPermissionsCommand({
        AwsAccountId: ACCOUNT,
        DataSetId: 'events',
        GrantPermissions: [{ Principal: stranger, Actions: ['quicksight:DescribeDataSet'] }],
      }),
    );
    const plan = await h.plan();
    const update = plan.operations.find((op) => op.action === 'update');
    assert.ok(update && update.action === 'update' && update.drift, renderPlanText(plan));
    assert.deepEqual(update.permissions?.revoke, [{ principal: stranger, actions: ['quicksight:DescribeDataSet'] }]);
    assert.match(renderPlanText(plan), /revoke arn:aws:quicksight:us-east-1:000000000000:user\/default\/stranger/);
    // A plain publish reads a dataset's permissions beside the deployment record, and revokes it.
    const { value } = await h.record(() => h.publish());
    assert.deepEqual(
      value.results.filter((r) => r.outcome !== 'unchanged').map((r) => `${r.kind}/${r.id} ${r.outcome}`),
      ['DataSet/events updated'],
    );
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('prune deletes only trailsight resources of this target that left the specs', async () => {
    await h.publish();
    const qs = h.clients.quicksight;
    const { resources } = await h.compile();
    const definition = (resources.find((r) => r.kind === 'Dashboard' && r.id === 'principals')!.input as { Definition: object }).Definition;
    // A dashboard made by hand (no trailsight tag) and one trailsight published for another target.
    await qs.send(new CreateDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: 'hand-made', Name: 'Hand made', Definition: definition as never }));
    await qs.send(
      new CreateDashboardCommand({
        AwsAccountId: ACCOUNT,
        DashboardId: 'other-target',
        Name: 'Other target',
        Definition: definition as never,
        Tags: [
          { Key: 'managed-by', Value: 'trailsight' },
          { Key: 'trailsight:target', Value: 'staging' },
        ],
      }),
    );
    await rm(join(h.specsDir, 'principals.yaml'));
    const withoutPrune = await h.plan();
    assert.ok(!withoutPrune.operations.some((op) => op.action === 'delete'), 'nothing is deleted without --prune');
    const plan = await h.plan({ prune: true });
    assert.deepEqual(
      plan.operations.filter((op) => op.action === 'delete').map((op) => `${op.kind}/${op.id}`),
      ['Dashboard/principals', 'Analysis/principals'],
    );
    const { value } = await h.record(() => h.publish({ prune: true }));
    assert.deepEqual(
      value.results.filter((r) => r.outcome === 'deleted').map((r) => `${r.kind}/${r.id}`),
      ['Dashboard/principals', 'Analysis/principals'],
    );
    const tags = await qs.send(new ListTagsForResourceCommand({ ResourceArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:dashboard/hand-made` }));
    assert.ok(tags, 'the hand-made dashboard is still there');
    await qs.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: 'other-target' }));
    assert.equal(hasChanges(await h.plan({ prune: true })), false);
  });

  it('a create that meets the resource already there (a concurrent or interrupted publish) converges by update', async () => {
    const { target, resources } = await h.compile();
    const ctx = awsContext(h.clients, target);
    const stale = await planTarget(ctx, target, resources, { depth: 'quick', prune: false, concurrency: 8 });
    assert.ok(stale.plan.operations.every((op) => op.action === 'create'));
    await h.publish();
    const results = await publishPlan(ctx, stale, { concurrency: 8 });
    assert.deepEqual(
      results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped'),
      [],
    );
    assert.ok(
      results.every((r) => r.outcome === 'unchanged' || r.outcome === 'updated'),
      JSON.stringify(outcomes(results)),
    );
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('every request sent satisfies the AWS API models', async function () {
    await h.publishEveryWay();
    const violations = modelViolations(h.calls);
    if (!violations) {
      process.stderr.write(`      skipped: ${MODELS_MISSING}\n`);
      this.skip();
    }
    assert.ok(h.calls.length > 30);
    assert.deepEqual(violations, []);
  });
});
