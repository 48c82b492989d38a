import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes } from '../../src/cli/actions/query-target.ts';
import { generateSample } from '../../src/engine/sample/generate.ts';
import { awsEnv, runCli as runAws } from '../publish/cli.ts';
import { Harness } from '../publish/harness.ts';
import { runCli } from './run-cli.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));

/** The total size of the log files (digests left out) under `dir`. */
async function logBytes(dir: string): Promise<number> {
  const entries = (await readdir(dir, { recursive: true })).filter((p) => p.endsWith('.json.gz') && !p.includes('CloudTrail-Digest'));
  const sizes = await Promise.all(entries.map(async (p) => (await stat(join(dir, p))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

describe("query --target: the question on a target's Athena (the local endpoint, over HTTP)", function () {
  this.timeout(240_000);
  let dir: string;
  let logs: string;
  const csvOf = (stdout: string) => stdout.trim().split('\n');
  const SQL = `SELECT eventname, count(*) AS n FROM cloudtrail_logs WHERE region = 'us-west-2' GROUP BY 1 ORDER BY 2 DESC, 1`;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-query-target-'));
    logs = join(dir, 'logs');
    await cp(DASHBOARDS, join(dir, 'dashboards'), { recursive: true });
    await generateSample({ out: logs, events: 2000, days: 2, seed: 5 });
    const published = await runCli(['publish', '--logs', logs, '--out', join(dir, 'out')], dir);
    assert.equal(published.code, 0, published.stderr);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("prints what its partitions scan, runs on the target's workgroup and answers as the local engine does", async () => {
    const onTarget = await runCli(['query', '--target', 'local', '--logs', logs, '--format', 'csv', '--sql', SQL], dir);
    assert.equal(onTarget.code, 0, onTarget.stderr);
    const here = await runCli(['query', '--logs', logs, '--cache', join(dir, 'cache'), '--format', 'csv', '--sql', SQL], dir);
    assert.equal(here.code, 0, here.stderr);
    assert.ok(csvOf(here.stdout).length > 2, here.stdout);
    assert.deepEqual(csvOf(onTarget.stdout), csvOf(here.stdout));
    const region =
      (await logBytes(join(logs, 'AWSLogs', '111122223333', 'CloudTrail', 'us-west-2'))) +
      (await logBytes(join(logs, 'AWSLogs', '444455556666', 'CloudTrail', 'us-west-2'))) +
      (await logBytes(join(logs, 'AWSLogs', '777788889999', 'CloudTrail', 'us-west-2')));
    const all = await logBytes(logs);
    assert.ok(region > 0 && region < all);
    const scanned = /query: scans ([\d.]+) KB in (\d+) log file\(s\)/.exec(onTarget.stderr);
    assert.ok(scanned, onTarget.stderr);
    assert.equal(Number(scanned[1]), Number((region / 1000).toFixed(1)), 'the us-west-2 files only');
    assert.match(onTarget.stderr, /workgroup trailsight, database trailsight/);
  });

  it("the Insights table too: the Project's cloudtrail_insights, scanning only the CloudTrail-Insight/ files", async () => {
    const sql = `SELECT insightdetails.insighttype, insightdetails.state, insightdetails.eventname FROM cloudtrail_insights ORDER BY 1, eventtime`;
    const onTarget = await runCli(['query', '--target', 'local', '--logs', logs, '--format', 'csv', '--sql', sql], dir);
    assert.equal(onTarget.code, 0, onTarget.stderr);
    const here = await runCli(['query', '--logs', logs, '--cache', join(dir, 'cache'), '--format', 'csv', '--sql', sql], dir);
    assert.equal(here.code, 0, here.stderr);
    assert.deepEqual(csvOf(onTarget.stdout), csvOf(here.stdout));
    assert.equal(csvOf(here.stdout).length, 5, here.stdout);
    const insights = await logBytes(join(logs, 'AWSLogs', '111122223333', 'CloudTrail-Insight'));
    assert.ok(onTarget.stderr.includes(`query: scans ${formatBytes(insights)} in 2 log file(s)`), onTarget.stderr);
  });

  it('asks before a scan over --max-scan: without a terminal to ask on, it is not run', async () => {
    const refused = await runCli(['query', '--target', 'local', '--logs', logs, '--max-scan', '1KB', '--sql', SQL], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not run: it would scan [\d.]+ KB, over --max-scan 1\.00 KB/);
    assert.equal(refused.stdout, '');
    const forced = await runCli(['query', '--target', 'local', '--logs', logs, '--max-scan', '1KB', '--yes', '--format', 'csv', '--sql', SQL], dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(csvOf(forced.stdout).length > 2);
  });

  it('SQL Athena would refuse never leaves the machine', async () => {
    const refused = await runCli(['query', '--target', 'local', '--logs', logs, '--sql', "SELECT current_setting('threads')"], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /FUNCTION_NOT_FOUND: line 1:8: Function 'current_setting' not registered/);
    const bad = await runCli(['query', '--target', 'local', '--logs', logs, '--max-scan', 'lots', '--sql', SQL], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-scan "lots": a size such as 500MB/);
  });
});

describe('query --target aws: what it scans, from S3 listings, when the logs are not on this machine', function () {
  this.timeout(240_000);
  let h: Harness;
  let env: NodeJS.ProcessEnv;
  /** Where the fixture Project's table looks (bucket test-cloudtrail-logs, prefix trail/), in the endpoint's S3. */
  let logs: string;
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10).replace(/-/g, '/');
  const query = (sql: string, ...flags: string[]) => runAws(['query', '--target', 'aws', '--format', 'csv', ...flags, '--sql', sql], { cwd: h.dir, env });

  before(async () => {
    h = await Harness.start();
    env = awsEnv(h.endpoint.url, h.dir);
    logs = join(h.dir, 's3', 'test-cloudtrail-logs', 'trail');
    await generateSample({ out: logs, events: 1500, days: 3, seed: 3, accounts: ['111122223333'], regions: ['us-east-1'] });
    await cp(h.specsDir, join(h.dir, 'dashboards'), { recursive: true });
    const published = await runAws(['publish', '--target', 'aws'], { cwd: h.dir, env });
    assert.equal(published.code, 0, published.stderr);
  });
  after(() => h.stop());

  it("one day's predicate: the bytes of that day's files only, as the listing gives them; the query runs", async () => {
    const run = await query(`SELECT count(*) AS n FROM cloudtrail_logs WHERE "timestamp" = '${day}'`);
    assert.equal(run.code, 0, run.stderr);
    const dayBytes = await logBytes(join(logs, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', ...day.split('/')));
    assert.ok(dayBytes > 0 && dayBytes < (await logBytes(logs)));
    const scanned =
      /query: scans ([\d.]+) KB in (\d+) log file\(s\) \(its partition predicates: 1 account\/Region\/day partition\(s\), of (\d+) per table, listed in s3:\/\/test-cloudtrail-logs\)/.exec(
        run.stderr,
      );
    assert.ok(scanned, run.stderr);
    assert.equal(Number(scanned[1]), Number((dayBytes / 1000).toFixed(1)));
    assert.ok(Number(scanned[3]) > 300, 'every day since the Project’s firstDay is a candidate');
    assert.ok(Number(run.stdout.trim().split('\n')[1]) > 0, run.stdout);
  });

  it('no predicate: every partition, more than --max-scan: listing stops there and the query is not run', async () => {
    const run = await query('SELECT count(*) FROM cloudtrail_logs', '--max-scan', '10KB');
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /query: scans over [\d.]+ KB in over \d+ log file\(s\) \(its partition predicates: (\d+) account\/Region\/day partition\(s\), of \1 per table/,
    );
    assert.match(run.stderr, /not run: it would scan over [\d.]+ KB, over --max-scan 10\.0 KB/);
    assert.equal(run.stdout, '');
  });

  it('a bucket it may not list: says why, and counts the scan as over --max-scan', async () => {
    await rm(join(h.dir, 's3', 'test-cloudtrail-logs'), { recursive: true, force: true });
    const run = await query(`SELECT count(*) FROM cloudtrail_logs WHERE "timestamp" = '${day}'`);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /the bytes it scans cannot be told \(listing s3:\/\/test-cloudtrail-logs failed: NoSuchBucket/);
    assert.match(run.stderr, /not run: it would scan an unknown amount/);
  });
});
