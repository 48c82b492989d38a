import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../src/engine/sample/generate.ts';
import { runCli } from './run-cli.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));

describe('cli: trailsight doctor on the local target', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-doctor-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('over fresh sample logs: every check it can answer passes, the others say why not; exit 0; --json for machines', async () => {
    const result = await runCli(['doctor', DASHBOARDS, '--json'], dir);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { target: string; ok: boolean; findings: { check: string; outcome: string; fix?: string }[] };
    assert.equal(report.target, 'local');
    assert.equal(report.ok, true);
    const outcomes = Object.fromEntries(report.findings.map((f) => [f.check, f.outcome]));
    assert.deepEqual(outcomes, {
      credentials: 'pass',
      'quicksight-subscription': 'pass',
      principals: 'pass',
      trail: 'pass',
      'trail-events': 'not-checked',
      'log-files': 'pass',
      'athena-workgroup': 'pass',
      'service-role': 'not-checked',
    });
    assert.match(report.findings.find((f) => f.check === 'service-role')?.fix ?? '', /no IAM/);
  });

  it("over an organization trail's logs with no organizationId in the Project: says what to set, and fails", async () => {
    const logs = join(dir, 'org-logs');
    await generateSample({ out: logs, events: 300, days: 2 });
    const accounts = await readdir(join(logs, 'AWSLogs'));
    await mkdir(join(logs, 'AWSLogs', 'o-a1b2c3d4e5'));
    for (const account of accounts) await rename(join(logs, 'AWSLogs', account), join(logs, 'AWSLogs', 'o-a1b2c3d4e5', account));
    const result = await runCli(['doctor', DASHBOARDS, '--logs', logs], dir);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /local: the logs are an organization trail's \(AWSLogs\/o-a1b2c3d4e5\/<account>\/…\) but the Project's source has no organizationId.*set source\.organizationId: o-a1b2c3d4e5/,
    );
    assert.match(result.stdout, /FAIL {2}The trail delivers to the Project's bucket and logs: .*organization trail/);
    assert.match(result.stdout, /fix: set source\.organizationId/);
    assert.match(result.stdout, /FAIL {2}Recent log files where the table looks/);
    assert.match(result.stdout, /doctor: \d passed, 2 failed, 2 not checked/);
  });
});
