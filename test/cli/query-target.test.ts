import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../src/engine/sample/generate.ts';
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
