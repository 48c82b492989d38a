import assert from 'node:assert/strict';
import { resolveTarget } from '../../src/compile/index.ts';
import { compile, desiredModelOf, type DesiredResource } from '../../src/kinds/index.ts';
import {
  buildPlan,
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
  type Actual,
  type ActualModel,
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
function echoed(d: DesiredModel, extra: Partial<ActualModel> = {}): Actual {
  return {
    found: 'model',
    actual: {
      model: { ...d.model, properties: { ...d.model.properties, Arn: 'arn:aws:quicksight:…', CreatedTime: '2026-01-01T00:00:00Z' } },
      fingerprint: d.fingerprint,
      managed: true,
      ...extra,
    },
  };
}

/** Maps keyed by AWS text have no prototype (src/text/keyed-record.ts): compared as the JSON they are. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('plan (pure): normalise, diff, plan', () => {
  let desired: DesiredModel[];
  before(async () => {
    desired = (await fixtureResources()).map((r) => desiredModelOf(r));
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
      [
        { principal: 'a', actions: ['x', 'y'] },
        { principal: 'stranger', actions: ['x'] },
      ],
      [{ principal: 'a', actions: ['x', 'z'] }],
    );
    assert.deepEqual(changes, {
      grant: [{ principal: 'a', actions: ['z'] }],
      revoke: [
        { principal: 'a', actions: ['y'] },
        { principal: 'stranger', actions: ['x'] },
      ],
    });
    const actual = normaliseTags([
      { Key: 'aws:cloudformation:stack', Value: 's' },
      { Key: 'team', Value: 'old' },
      { Key: 'extra', Value: '1' },
    ]);
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

  it('plans create, unchanged (by fingerprint or in full), drift, replacement of leftovers, and prunes last', () => {
    const [database, table, ...rest] = desired;
    const dashboard = rest.find((d) => d.model.kind === 'Dashboard')!;
    const dataSet = rest.find((d) => d.model.kind === 'DataSet')!;
    const analysis = rest.find((d) => d.model.kind === 'Analysis')!;
    const actual = new Map<string, Actual>();
    actual.set(`GlueDatabase/${database.model.id}`, echoed(database));
    actual.set(`GlueTable/${table.model.id}`, echoed(table));
    actual.set(`DataSet/${dataSet.model.id}`, { found: 'unchanged', checked: 'fingerprint' });
    actual.set(`Analysis/${analysis.model.id}`, { found: 'leftover', status: 'CREATION_FAILED' });
    const drifted = structuredClone(dashboard.model.properties) as { Name: string };
    drifted.Name = 'Renamed in the console';
    actual.set(`Dashboard/${dashboard.model.id}`, echoed(dashboard, { model: { ...dashboard.model, properties: drifted } }));
    const plan = buildPlan({
      target: 'local',
      desired: [database, table, dataSet, analysis, dashboard],
      actual,
      prune: [
        { kind: 'Dashboard', id: 'old' },
        { kind: 'Analysis', id: 'old' },
      ],
    });
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
    assert.match(text, /-\s+"Name": "Renamed in the console",?\n/);
    assert.match(text, /Plan: 1 to create, 1 to update, 2 to delete, 3 unchanged\./);
    const json = JSON.parse(renderPlanJson(plan)) as { changes: { action: string; kind: string }[] };
    assert.deepEqual(
      json.changes.map((c) => `${c.action} ${c.kind}`),
      ['create Analysis', 'update Dashboard', 'delete Dashboard', 'delete Analysis'],
    );
  });

  it('stamped kinds: read in full, a LastUpdatedTime other than the recorded one only rewrites the record', () => {
    const analysis = desired.find((d) => d.model.kind === 'Analysis')!;
    const { kind, id } = analysis.model;
    const plan = (extra: Partial<ActualModel>) =>
      buildPlan({ target: 'local', desired: [analysis], actual: new Map([[`${kind}/${id}`, echoed(analysis, extra)]]) }).operations[0];
    assert.equal(plan({ stamp: '1000', lastUpdated: '1000' }).action, 'no-op');
    const restamp = plan({ stamp: '1000', lastUpdated: '2000' });
    assert.ok(restamp.action === 'update' && restamp.stamp && restamp.drift && !restamp.properties && !restamp.tags && !restamp.permissions);
    assert.match(renderPlanText({ target: 'local', operations: [restamp] }), /only its fingerprint tag is rewritten/);
    assert.deepEqual(parseFingerprintTag(fingerprintTagValue(analysis.fingerprint, '1767225600000')), {
      fingerprint: analysis.fingerprint,
      stamp: '1767225600000',
    });
    assert.deepEqual(parseFingerprintTag(analysis.fingerprint), { fingerprint: analysis.fingerprint });
  });

  it("takes the edge's verdicts as they are: unchanged is a no-op saying how it was checked, a leftover is replaced", () => {
    const dataset = desired.find((d) => d.model.kind === 'DataSet')!;
    const op = (actual: Actual) => buildPlan({ target: 'local', desired: [dataset], actual: new Map([[`DataSet/${dataset.model.id}`, actual]]) }).operations[0];
    assert.deepEqual(op({ found: 'unchanged', checked: 'deployment' }), {
      action: 'no-op',
      kind: 'DataSet',
      id: dataset.model.id,
      desired: dataset,
      checked: 'deployment',
    });
    assert.deepEqual(op({ found: 'leftover', status: 'DELETED' }), {
      action: 'create',
      kind: 'DataSet',
      id: dataset.model.id,
      desired: dataset,
      replaces: 'DELETED',
    });
    assert.equal(op({ found: 'nothing' }).action, 'create');
    assert.equal(buildPlan({ target: 'local', desired: [dataset], actual: new Map() }).operations[0].action, 'create');
  });

  it("a changed multi-line string (a dataset's SQL) is diffed line by line under its path, not as two whole JSON strings", () => {
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
    const again = (await fixtureResources()).map((r) => desiredModelOf(r));
    const plan = (d: DesiredModel[]) => renderPlanJson(buildPlan({ target: 'local', desired: d, actual: new Map() }));
    assert.equal(plan(again), plan(desired));
  });
});
