import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../src/engine/sample/generate.ts';
import { runCli } from './run-cli.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));

/** The first day folder of the first Region of the first account in a logs tree. */
async function firstDayFolder(logs: string): Promise<string> {
  let dir = join(logs, 'AWSLogs');
  for (const _ of ['account', 'CloudTrail', 'region', 'yyyy', 'mm', 'dd']) dir = join(dir, (await readdir(dir)).sort()[0]!);
  return dir;
}

describe('local publish over logs with unreadable files', function () {
  this.timeout(240_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-bad-logs-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('publishes and renders from the good files, and names each skipped file with its reason', async () => {
    const logs = join(dir, 'logs');
    await generateSample({ out: logs, events: 2000, days: 2, seed: 3 });
    const day = await firstDayFolder(logs);
    await writeFile(join(day, '111122223333_CloudTrail_us-east-1_20260101T0000Z_truncated.json.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    await writeFile(join(day, '111122223333_CloudTrail_us-east-1_20260101T0000Z_notrail.json'), '{"hello": "world"}');
    const result = await runCli(['publish', DASHBOARDS, '--logs', logs, '--out', join(dir, 'out')], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /preview: .*index\.html/);
    assert.match(result.stderr, /local: 2 log files could not be read and were skipped \(their events are not in the dashboards\):/);
    assert.match(result.stderr, /\n {2}AWSLogs\/.*_truncated\.json\.gz: .+/);
    assert.match(result.stderr, /\n {2}AWSLogs\/.*_notrail\.json: .+/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  });
});
