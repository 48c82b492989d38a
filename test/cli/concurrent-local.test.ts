import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));

const publish = (cwd: string) => runCli(['publish', DASHBOARDS], cwd);

describe('two local publishes started at once in the same folder', function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-concurrent-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('take turns: one creates everything, the other waits, then finds nothing to change', async () => {
    const [a, b] = await Promise.all([publish(dir), publish(dir)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const runs = [a, b];
    const waited = runs.filter((r) => /local: another trailsight run is using \.trailsight\/; waiting for it to finish/.test(r.stderr));
    assert.equal(waited.length, 1, runs.map((r) => r.stderr).join('\n---\n'));
    const summaries = runs.map((r) => /publish: (\d+) created, (\d+) updated, (\d+) unchanged/.exec(r.stdout)?.slice(1).map(Number));
    const first = summaries[runs.indexOf(waited[0]!) === 0 ? 1 : 0]!;
    const second = summaries[runs.indexOf(waited[0]!)]!;
    assert.ok(first[0]! > 0 && first[1] === 0, `the first run creates: ${first}`);
    assert.deepEqual(second.slice(0, 2), [0, 0], 'the second run changes nothing');
    assert.equal(second[2], first[0], 'and finds every resource unchanged');
    for (const r of runs) assert.match(r.stdout, /preview: .*out\/index\.html/);
  });
});
