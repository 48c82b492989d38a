import assert from 'node:assert/strict';
import { resolveTarget } from '../../src/compile/index.ts';
import { DEPLOYMENT_TAG } from '../../src/aws/freshness/index.ts';
import type { Found } from '../../src/aws/freshness/found.ts';
import { settled, verdict } from '../../src/aws/freshness/settled.ts';
import { compile, desiredModelOf } from '../../src/kinds/index.ts';
import { loadSpecs } from '../../src/language/index.ts';
import type { DesiredModel } from '../../src/plan/index.ts';
import { FIXTURE_SPECS } from './harness.ts';

/**
 * The freshness rules of the AWS edge (src/aws/freshness/), pure: when what trailsight recorded on
 * a resource (its fingerprint, the target's deployment record) settles it as unchanged, and when it
 * must be read in full. The reads themselves are driven over HTTP by converge, drift and
 * deployment-record tests.
 */
describe('freshness: unchanged verdicts, or a full read', () => {
  let desired: DesiredModel[];
  before(async () => {
    const loaded = await loadSpecs([FIXTURE_SPECS]);
    desired = compile(loaded.checked!, resolveTarget(loaded.checked!.project.spec, { name: 'local' })).map(desiredModelOf);
  });
  const of = (kind: string) => desired.find((d) => d.model.kind === kind)!;

  it('stamped kinds: a LastUpdatedTime other than the recorded one, no stamp, or a tag added elsewhere needs a full read', () => {
    const analysis = of('Analysis');
    const quick = (record: Partial<Extract<Found, { read: 'fingerprint' }>['record']>, lastUpdated?: string): Found => ({
      read: 'fingerprint',
      record: { fingerprint: analysis.fingerprint, tags: analysis.model.tags, ...record },
      ...(lastUpdated ? { lastUpdated } : {}),
    });
    assert.equal(settled(analysis, quick({ stamp: '1000' }, '1000')), true);
    assert.equal(settled(analysis, quick({ stamp: '1000' }, '2000')), false, 'edited since');
    assert.equal(settled(analysis, quick({}, '2000')), false, 'no stamp recorded');
    assert.equal(settled(analysis, quick({ stamp: '1000', tags: { ...analysis.model.tags, owner: 'me' } }, '1000')), false, 'a tag added');
    assert.equal(
      settled(analysis, quick({ stamp: '1000', tags: { ...analysis.model.tags, [DEPLOYMENT_TAG]: 'v1:…' } }, '1000')),
      true,
      'the record is bookkeeping',
    );
    assert.equal(settled(analysis, quick({ stamp: '1000', fingerprint: 'v1:other:other' }, '1000')), false, 'the specs changed');
    assert.equal(settled(analysis, quick({ stamp: '1000', status: 'UPDATE_FAILED' }, '1000')), false, 'the last update failed');
    assert.deepEqual(verdict(quick({ stamp: '1000' }, '1000')), { found: 'unchanged', checked: 'fingerprint' });
  });

  it('permissions read beside the fingerprint or the deployment record: a stranger or a missing grant needs a full read, never a no-op', () => {
    const dataset = of('DataSet');
    const granted = dataset.model.permissions!;
    const stranger = [...granted, { principal: 'arn:aws:quicksight:us-east-1:000000000000:user/default/mallory', actions: ['quicksight:DescribeDataSet'] }];
    assert.equal(settled(dataset, { read: 'vouched' }), true, 'not read: vouched for');
    assert.equal(settled(dataset, { read: 'vouched', permissions: granted }), true);
    assert.equal(settled(dataset, { read: 'vouched', permissions: stranger }), false, 'a stranger granted');
    assert.equal(settled(dataset, { read: 'vouched', permissions: granted.slice(1) }), false, 'an owner revoked');
    const quick = { read: 'fingerprint', record: { fingerprint: dataset.fingerprint, stamp: '1' }, lastUpdated: '1' } as const;
    assert.equal(settled(dataset, { ...quick, permissions: granted }), true);
    assert.equal(settled(dataset, { ...quick, permissions: stranger }), false);
    assert.deepEqual(verdict({ read: 'vouched', permissions: granted }), { found: 'unchanged', checked: 'deployment' });
  });

  it('kinds without a fingerprint are compared in full; leftovers are replaced, never read further; the record is no tag of the model', () => {
    const table = of('GlueTable');
    assert.equal(settled(table, { read: 'fingerprint', record: {} }), false);
    const dashboard = of('Dashboard');
    const failed: Found = { read: 'fingerprint', record: { status: 'CREATION_FAILED' } };
    assert.equal(settled(dashboard, failed), true);
    assert.deepEqual(verdict(failed), { found: 'leftover', status: 'CREATION_FAILED' });
    const source = of('DataSource');
    const full: Found = { read: 'full', actual: { model: { ...source.model, tags: { ...source.model.tags, [DEPLOYMENT_TAG]: 'v1:…' } }, managed: true } };
    const seen = verdict(full);
    assert.ok(seen.found === 'model');
    assert.deepEqual(JSON.parse(JSON.stringify(seen.actual.model.tags)), JSON.parse(JSON.stringify(source.model.tags)));
    assert.deepEqual(verdict({ read: 'full', actual: { model: source.model, status: 'DELETED', managed: true } }), { found: 'leftover', status: 'DELETED' });
  });
});
