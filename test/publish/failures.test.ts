import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DescribeDataSetCommand, ListTagsForResourceCommand, TagResourceCommand, UpdateDataSetCommand, type PhysicalTable } from '@aws-sdk/client-quicksight';
import { ResourceFailedError } from '../../src/aws/errors.ts';
import { describeFailure } from '../../src/cli/failure-report.ts';
import { FINGERPRINT_TAG, fingerprintTagValue, hasChanges, parseFingerprintTag, renderPlanText, stampOf } from '../../src/plan/index.ts';
import { awsEnv, runCli } from './cli.ts';
import { ACCOUNT, Harness, modelViolations, outcomes } from './harness.ts';

/** A dashboard that needs the `source_ip` column of the `events` dataset. */
const IPS_DASHBOARD = `apiVersion: trailsight/v1
kind: Dashboard
id: ips
name: Source IPs
datasets: { events: events }
sheets:
  - id: addresses
    title: Addresses
    visuals:
      - { type: kpi, id: ip-count, title: Source IPs, value: distinct_count(source_ip) }
      - { type: bar, id: calls-by-ip, title: Calls by IP, x: source_ip, y: count(event_id) }
`;

/**
 * Someone drops `source_ip` from the events dataset outside trailsight and, copying trailsight's
 * record, stamps its fingerprint tag with the new LastUpdatedTime: the quick read then trusts it,
 * and the next dashboard over that column fails to create.
 */
async function dropSourceIp(h: Harness): Promise<void> {
  const qs = h.clients.quicksight;
  const { DataSet } = await qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: 'events' }));
  const physical = structuredClone(DataSet!.PhysicalTableMap!) as Record<string, PhysicalTable>;
  for (const table of Object.values(physical)) {
    if (table.CustomSql) table.CustomSql.Columns = table.CustomSql.Columns!.filter((c) => c.Name !== 'source_ip');
  }
  await qs.send(
    new UpdateDataSetCommand({
      AwsAccountId: ACCOUNT,
      DataSetId: 'events',
      Name: DataSet!.Name!,
      PhysicalTableMap: physical,
      LogicalTableMap: DataSet!.LogicalTableMap,
      ImportMode: DataSet!.ImportMode!,
    }),
  );
  const arn = DataSet!.Arn!;
  const [{ Tags }, after] = await Promise.all([
    qs.send(new ListTagsForResourceCommand({ ResourceArn: arn })),
    qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: 'events' })),
  ]);
  const { fingerprint } = parseFingerprintTag(Tags?.find((t) => t.Key === FINGERPRINT_TAG)?.Value);
  const value = fingerprintTagValue(fingerprint!, stampOf(after.DataSet!.LastUpdatedTime));
  await qs.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: FINGERPRINT_TAG, Value: value }] }));
}

describe('publish under throttling, server errors and QuickSight failures', () => {
  let h: Harness | undefined;
  let clean: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    await clean?.stop();
    h = clean = undefined;
  });

  it('converges despite throttling and injected 5xx errors, retrying with backoff', async () => {
    clean = await Harness.start();
    const baseline = await clean.record(() => clean!.publish());
    h = await Harness.start({ faults: { seed: 7, throttle: { '*': { rate: 25, burst: 4 } }, errorRate: { '*': 0.15 } } });
    const { value, calls } = await h.record(() => h!.publish());
    assert.deepEqual(
      Object.values(outcomes(value.results)).filter((o) => o !== 'created'),
      [],
    );
    assert.ok(calls.length > baseline.calls.length, `retries happened: ${calls.length} requests vs ${baseline.calls.length} without faults`);
    h.endpoint.faults.configure({});
    const after = await h.plan();
    assert.equal(hasChanges(after), false, renderPlanText(after));
    const violations = modelViolations(h.calls);
    if (violations) assert.deepEqual(violations, []);
  });

  it('a call that keeps failing is reported with how often it was tried and for how long', async () => {
    h = await Harness.start({ faults: { errorRate: { 'quicksight:CreateDashboard': 1 } } });
    const { results } = await h.publish();
    const failed = results.filter((r) => r.outcome === 'failed');
    assert.deepEqual([...new Set(failed.map((r) => r.kind))], ['Dashboard']);
    for (const r of failed) assert.match((r.error as Error).message, /\(gave up after 12 attempts over \d+\.\d s\)$/, String(r.error));
  });

  it('a CREATION_FAILED dashboard is reported with the sheet and visual QuickSight names; --refresh then repairs it', async () => {
    h = await Harness.start();
    await h.publish();
    await dropSourceIp(h);
    await writeFile(join(h.specsDir, 'ips.yaml'), IPS_DASHBOARD);
    const { results } = await h.publish();
    const failed = results.filter((r) => r.outcome === 'failed');
    assert.deepEqual(failed.map((r) => `${r.kind}/${r.id}`).sort(), ['Analysis/ips', 'Dashboard/ips']);
    const dashboard = failed.find((r) => r.kind === 'Dashboard')!;
    assert.ok(dashboard.error instanceof ResourceFailedError);
    assert.equal(dashboard.error.status, 'CREATION_FAILED');
    const { resources } = await h.compile();
    const text = describeFailure(resources.find((r) => r.kind === 'Dashboard' && r.id === 'ips')!, dashboard.error);
    assert.match(text, /^Dashboard\/ips \(.*ips\.yaml\): CREATION_FAILED/);
    assert.match(text, /sheet "addresses" \(Addresses\), visual "ip-count": [A-Z_]+: .*source_ip/);
    assert.match(text, /visual "calls-by-ip"/);

    // The full read sees the dataset's drift, restores it, and replaces the failed creations.
    const repaired = await h.publish({ refresh: true });
    const changed = outcomes(repaired.results);
    assert.equal(changed['DataSet/events'], 'updated');
    assert.equal(changed['Dashboard/ips'], 'created');
    assert.equal(changed['Analysis/ips'], 'created');
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('the CLI names the dashboard, sheet, visual and spec position, and exits non-zero', async () => {
    h = await Harness.start();
    const env = awsEnv(h.endpoint.url, h.dir);
    const first = await runCli(['publish', h.specsDir, '--target', 'aws'], { cwd: h.dir, env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /publish: 15 created, 0 updated, 0 unchanged, 0 deleted/);
    await dropSourceIp(h);
    await writeFile(join(h.specsDir, 'ips.yaml'), IPS_DASHBOARD);
    const run = await runCli(['publish', h.specsDir, '--target', 'aws'], { cwd: h.dir, env });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /2 failed/);
    assert.match(run.stderr, /Dashboard\/ips \(.*ips\.yaml\): CREATION_FAILED/);
    assert.match(run.stderr, /ips\.yaml:10:9: sheet "addresses" \(Addresses\), visual "ip-count": [A-Z_]+: /);
  });
});
