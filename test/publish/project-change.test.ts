import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasChanges, renderPlanText } from '../../src/plan/index.ts';
import { Harness, outcomes } from './harness.ts';

/**
 * A Project change touches resources every spec shares (the Glue database's tags carry the
 * Project's hash): after the publish that applies it, `plan` (full reads) and `publish` (quick
 * reads) must agree that nothing is left to do.
 */
describe('publish after a Project change', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h?.stop();
  });

  it('leaves nothing for plan to show, and the next publish writes nothing', async () => {
    await h.publish();
    const file = join(h.specsDir, 'project.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('regions: [us-east-1]', 'regions: [us-east-1, eu-west-1]'));
    const before = await h.plan();
    const changed = before.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`);
    assert.ok(changed.includes('GlueDatabase/trailsight_test'), renderPlanText(before));

    const { value } = await h.record(() => h.publish());
    assert.deepEqual(
      value.results.filter((r) => r.outcome === 'failed'),
      [],
    );
    assert.equal(outcomes(value.results)['GlueDatabase/trailsight_test'], 'updated');

    const after = await h.plan();
    assert.equal(hasChanges(after), false, renderPlanText(after));
    const again = await h.record(() => h.publish());
    assert.equal(again.writes, 0, again.calls.map((c) => c.operation).join(', '));
    assert.ok(
      again.value.results.every((r) => r.outcome === 'unchanged'),
      JSON.stringify(outcomes(again.value.results)),
    );
  });
});
