import assert from 'node:assert/strict';
import { compile, resolveTarget, type DesiredResource } from '../../src/compile/index.ts';
import {
  buildPlan,
  desiredModel,
  diffPermissions,
  diffTags,
  diffValues,
  fingerprintOf,
  fingerprintTagValue,
  normaliseTags,
  parseFingerprintTag,
  projectOnto,
  renderPlanJson,
  renderPlanText,
  settledByFingerprint,
  type ActualResource,
  type DesiredModel,
  type Json,
} from '../../src/plan/index.ts';
import { loadSpecs } from '../../src/language/index.ts';
import { FIXTURE_SPECS } from './harness.ts';

async function fixtureResources(): Promise<DesiredResource[]> {
  const loaded = await loadSpecs([FIXTURE_SPECS]);
  return compile(loaded.checked!, resolveTarget(loaded.checked!.project.spec, { name: 'local' }));
}

/** What a full describe of an unchanged resource gives back: the same model, plus what AWS adds. */
function echoed(d: DesiredModel, extra: Partial<Extract<ActualResource, { depth: 'full' }>> = {}): ActualResource {
  return {
    kind: d.model.kind,
    id: d.model.id,
    exists: true,
    depth: 'full',
    model: { ...d.model, properties: { ...d.model.properties, Arn: 'arn:aws:quicksight:…', CreatedTime: '2026-01-01T00:00:00Z' } },
    fingerprint: d.fingerprint,
    managed: true,
    ...extra,
  };
}

/** Maps keyed by AWS text have no prototype (src/text/keyed-record.ts): compared as the JSON they are. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('plan (pure): normalise, diff, plan', function () {
  let desired: DesiredModel[];
  before(async () => {
    desired = (await fixtureResources()).map((r) => desiredModel(r));
  });

  it('sees actual values through the desired shape: AWS defaults ignored, extra array elements and changed values kept', () => {
    const want = { Name: 'x', Sheets: [{ SheetId: 's1', Visuals: [] }], Options: {} };
    const have: Json = { Name: 'x', Arn: 'arn', Sheets: [{ SheetId: 's1', ContentType: 'INTERACTIVE' }, { SheetId: 's2' }] };
    const seen = projectOnto(have, want);
    assert.deepEqual(asJson(seen), { Name: 'x', Sheets: [{ SheetId: 's1', Visuals: [] }, { SheetId: 's2' }], Options: {} });
    assert.deepEqual(diffValues(seen, want), [{ path: 'Sheets[1]', before: { SheetId: 's2' } }]);
  });

  it('permissions: grants what is missing, revokes what the specs do not give; tags ignore aws:*', () => {
    const changes = diffPermissions(
      [{ principal: 'a', actions: ['x', 'y'] }, { principal: 'stranger', actions: ['x'] }],
      [{ principal: 'a', actions: ['x', 'z'] }],
    );
    assert.deepEqual(changes, { grant: [{ principal: 'a', actions: ['z'] }], revoke: [{ principal: 'a', actions: ['y'] }, { principal: 'stranger', actions: ['x'] }] });
    const actual = normaliseTags([{ Key: 'aws:cloudformation:stack', Value: 's' }, { Key: 'team', Value: 'old' }, { Key: 'extra', Value: '1' }]);
    assert.deepEqual(asJson(diffTags(actual, { team: 'security' })), { set: { team: 'security' }, remove: ['extra'] });
  });

  it('fingerprints are deterministic and tell which half changed', () => {
    const d = desired.find((x) => x.model.kind === 'DataSet')!;
    assert.equal(fingerprintOf(d.model), d.fingerprint);
    const moreTags = fingerprintOf({ ...d.model, tags: { ...d.model.tags, owner: 'me' } });
    assert.equal(moreTags.split(':')[1], d.fingerprint.split(':')[1]);
    assert.notEqual(moreTags, d.fingerprint);
    assert.ok(d.model.tags?.['trailsight:fingerprint'] === d.fingerprint, 'tag-kept fingerprints are part of the desired tags');
  });

  it('plans create, unchanged (by fingerprint or in full), drift, replacement of failed creations, and prunes last', () => {
    const [database, table, ...rest] = desired;
    const dashboard = rest.find((d) => d.model.kind === 'Dashboard')!;
    const dataSet = rest.find((d) => d.model.kind === 'DataSet')!;
    const analysis = rest.find((d) => d.model.kind === 'Analysis')!;
    const actual = new Map<string, ActualResource>();
    actual.set(`GlueDatabase/${database.model.id}`, echoed(database));
    actual.set(`GlueTable/${table.model.id}`, echoed(table));
    actual.set(`DataSet/${dataSet.model.id}`, {
      kind: 'DataSet',
      id: dataSet.model.id,
      exists: true,
      depth: 'fingerprint',
      fingerprint: dataSet.fingerprint,
      stamp: '1767225600000',
      lastUpdated: '1767225600000',
    });
    actual.set(`Analysis/${analysis.model.id}`, echoed(analysis, { status: 'CREATION_FAILED' }));
    const drifted = structuredClone(dashboard.model.properties) as { Name: string };
    drifted.Name = 'Renamed in the console';
    actual.set(`Dashboard/${dashboard.model.id}`, echoed(dashboard, { model: { ...dashboard.model, properties: drifted } }));
    const plan = buildPlan({ target: 'local', desired: [database, table, dataSet, analysis, dashboard], actual, prune: [{ kind: 'Analysis', id: 'old' }, { kind: 'Dashboard', id: 'old' }] });
    assert.deepEqual(
      plan.operations.map((op) => `${op.action} ${op.kind}`),
      ['no-op GlueDatabase', 'no-op GlueTable', 'no-op DataSet', 'create Analysis', 'update Dashboard', 'delete Dashboard', 'delete Analysis'],
    );
    const update = plan.operations[4];
    assert.ok(update.action === 'update' && update.drift && update.publish);
    assert.deepEqual(update.properties?.changes, [{ path: 'Name', before: 'Renamed in the console', after: 'Activity' }]);
    assert.ok(plan.operations[3].action === 'create' && plan.operations[3].replaces === 'CREATION_FAILED');
    const text = renderPlanText(plan);
    assert.match(text, /~ update\s+Dashboard\/activity .*\[drift: changed outside trailsight\]/);
    assert.match(text, /-\s+"Name": "Renamed in the console"\n/);
    assert.match(text, /Plan: 1 to create, 1 to update, 2 to delete, 3 unchanged\./);
    const json = JSON.parse(renderPlanJson(plan)) as { changes: { action: string; kind: string }[] };
    assert.deepEqual(json.changes.map((c) => `${c.action} ${c.kind}`), ['create Analysis', 'update Dashboard', 'delete Dashboard', 'delete Analysis']);
  });

  it('stamped kinds: a LastUpdatedTime other than the recorded one needs a full read, and a match in full only rewrites the record', () => {
    const analysis = desired.find((d) => d.model.kind === 'Analysis')!;
    const { kind, id } = analysis.model;
    const quick = { kind, id, exists: true, depth: 'fingerprint', fingerprint: analysis.fingerprint, tags: analysis.model.tags } as const;
    assert.equal(settledByFingerprint(analysis, { ...quick, stamp: '1000', lastUpdated: '1000' }), true);
    assert.equal(settledByFingerprint(analysis, { ...quick, stamp: '1000', lastUpdated: '2000' }), false, 'edited since');
    assert.equal(settledByFingerprint(analysis, { ...quick, lastUpdated: '2000' }), false, 'no stamp recorded');
    assert.equal(settledByFingerprint(analysis, { ...quick, stamp: '1000', lastUpdated: '1000', tags: { ...analysis.model.tags, owner: 'me' } }), false, 'a tag added');

    const plan = (extra: Partial<Extract<ActualResource, { depth: 'full' }>>) =>
      buildPlan({ target: 'local', desired: [analysis], actual: new Map([[`${kind}/${id}`, echoed(analysis, extra)]]) }).operations[0];
    assert.equal(plan({ stamp: '1000', lastUpdated: '1000' }).action, 'no-op');
    const restamp = plan({ stamp: '1000', lastUpdated: '2000' });
    assert.ok(restamp.action === 'update' && restamp.stamp && restamp.drift && !restamp.properties && !restamp.tags && !restamp.permissions);
    assert.match(renderPlanText({ target: 'local', operations: [restamp] }), /only its fingerprint tag is rewritten/);
    assert.deepEqual(parseFingerprintTag(fingerprintTagValue(analysis.fingerprint, '1767225600000')), { fingerprint: analysis.fingerprint, stamp: '1767225600000' });
    assert.deepEqual(parseFingerprintTag(analysis.fingerprint), { fingerprint: analysis.fingerprint });
  });

  it('permissions read beside the fingerprint or the deployment record: a stranger or a missing grant needs a full read, never a no-op', () => {
    const dataset = desired.find((d) => d.model.kind === 'DataSet')!;
    const { kind, id } = dataset.model;
    const granted = dataset.model.permissions!;
    const stranger = [...granted, { principal: 'arn:aws:quicksight:us-east-1:000000000000:user/default/mallory', actions: ['quicksight:DescribeDataSet'] }];
    const vouched = { kind, id, exists: true, depth: 'deployment' } as const;
    assert.equal(settledByFingerprint(dataset, vouched), true, 'not read: vouched for');
    assert.equal(settledByFingerprint(dataset, { ...vouched, permissions: granted }), true);
    assert.equal(settledByFingerprint(dataset, { ...vouched, permissions: stranger }), false, 'a stranger granted');
    assert.equal(settledByFingerprint(dataset, { ...vouched, permissions: granted.slice(1) }), false, 'an owner revoked');
    const quick = { kind, id, exists: true, depth: 'fingerprint', fingerprint: dataset.fingerprint, stamp: '1', lastUpdated: '1' } as const;
    assert.equal(settledByFingerprint(dataset, { ...quick, permissions: granted }), true);
    assert.equal(settledByFingerprint(dataset, { ...quick, permissions: stranger }), false);
    const plan = (actual: ActualResource) => () => buildPlan({ target: 'local', desired: [dataset], actual: new Map([[`${kind}/${id}`, actual]]) });
    assert.throws(plan({ ...vouched, permissions: stranger }), /needs a full read/);
    assert.equal(plan({ ...vouched, permissions: granted })().operations[0].action, 'no-op');
  });

  it('a changed multi-line string (a dataset\'s SQL) is diffed line by line under its path, not as two whole JSON strings', () => {
    const dataset = desired.find((d) => d.model.kind === 'DataSet' && d.model.id === 'events')!;
    const properties = structuredClone(dataset.model.properties) as { Name: string; PhysicalTableMap: Record<string, { CustomSql: { SqlQuery: string } }> };
    const sql = properties.PhysicalTableMap['cloudtrail-sql'].CustomSql;
    sql.SqlQuery = sql.SqlQuery.replace('  eventname AS', '  eventsource AS');
    properties.Name = 'Renamed';
    const actual = echoed(dataset, { model: { ...dataset.model, properties } });
    const text = renderPlanText(buildPlan({ target: 'local', desired: [dataset], actual: new Map([['DataSet/events', actual]]) }));
    const details = text.split('\n').filter((line) => line.startsWith('    '));
    assert.deepEqual(details, [
      '    properties: 2 change(s) at Name, PhysicalTableMap.cloudtrail-sql.CustomSql.SqlQuery',
      '    --- actual',
      '    +++ specs',
      '    @@ -8,7 +8,7 @@',
      '           }',
      '         }',
      '       },',
      '    -  "Name": "Renamed",',
      '    +  "Name": "Events",',
      '       "PhysicalTableMap": {',
      '         "cloudtrail-sql": {',
      '           "CustomSql": {',
      '    PhysicalTableMap.cloudtrail-sql.CustomSql.SqlQuery:',
      '      @@ -1,7 +1,7 @@',
      '       SELECT',
      '         eventid AS "event_id",',
      '         CAST(from_iso8601_timestamp(eventtime) AS timestamp) AS "event_time",',
      '      -  eventsource AS "event_name",',
      '      +  eventname AS "event_name",',
      '         CAST(coalesce(useridentity.username, useridentity.arn) AS varchar) AS "user_name",',
      '         sourceipaddress AS "source_ip"',
      '       FROM "trailsight_test"."cloudtrail_logs"',
    ]);
    // The SQL alone changed: no JSON diff at all, only its lines.
    const sqlOnly = echoed(dataset, { model: { ...dataset.model, properties: { ...properties, Name: dataset.model.properties.Name } } });
    const alone = renderPlanText(buildPlan({ target: 'local', desired: [dataset], actual: new Map([['DataSet/events', sqlOnly]]) }));
    assert.doesNotMatch(alone, /SqlQuery": "/);
    assert.match(alone, /CustomSql\.SqlQuery:\n {6}@@ -1,7 \+1,7 @@\n/);
  });

  it('the same specs give byte-identical plans', async () => {
    const again = (await fixtureResources()).map((r) => desiredModel(r));
    const plan = (d: DesiredModel[]) => renderPlanJson(buildPlan({ target: 'local', desired: d, actual: new Map() }));
    assert.equal(plan(again), plan(desired));
  });
});
