import assert from 'node:assert/strict';
import { CLOUDTRAIL_COLUMNS, hiveType, INSIGHTS_COLUMNS } from '../../src/cloudtrail/index.ts';
import { resolveTarget } from '../../src/compile/index.ts';
import { compile, type DesiredResource } from '../../src/kinds/index.ts';
import { fixtureSpecs, refusalsWith, withSpec } from './helpers.ts';

const specs = fixtureSpecs();
const local = resolveTarget(specs.project.spec);
const byKind = <K extends DesiredResource['kind']>(resources: DesiredResource[], kind: K) =>
  resources.filter((r): r is Extract<DesiredResource, { kind: K }> => r.kind === kind);
/** The Glue table of that name (resources come sorted by id: cloudtrail_insights before cloudtrail_logs). */
const tableNamed = (resources: DesiredResource[], name: string) => byKind(resources, 'GlueTable').find((t) => t.input.TableInput?.Name === name)!;

describe('compile: Glue database and the CloudTrail table', () => {
  const resources = compile(specs, local);

  it('creates the database with trailsight tags', () => {
    const [db] = byKind(resources, 'GlueDatabase');
    assert.equal(db.id, 'fixture_db');
    assert.equal(db.input.DatabaseInput?.Name, 'fixture_db');
    assert.equal(db.input.Tags?.['managed-by'], 'trailsight');
    assert.equal(db.input.Tags?.['trailsight:spec-id'], 'fixture');
    assert.equal(db.input.Tags?.team, 'security');
  });

  it('creates the table as AWS documents it: every CloudTrail column, its format and SerDe', () => {
    const table = tableNamed(resources, 'cloudtrail_logs');
    const input = table.input.TableInput!;
    assert.equal(table.input.DatabaseName, 'fixture_db');
    assert.equal(input.Name, 'cloudtrail_logs');
    assert.equal(input.TableType, 'EXTERNAL_TABLE');
    assert.equal(input.Parameters?.EXTERNAL, 'TRUE');
    const sd = input.StorageDescriptor!;
    assert.deepEqual(
      sd.Columns!.map((c) => [c.Name, c.Type]),
      CLOUDTRAIL_COLUMNS.map((c) => [c.name, hiveType(c.type)]),
    );
    assert.equal(sd.InputFormat, 'com.amazon.emr.cloudtrail.CloudTrailInputFormat');
    assert.equal(sd.OutputFormat, 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat');
    assert.equal(sd.SerdeInfo?.SerializationLibrary, 'org.apache.hive.hcatalog.data.JsonSerDe');
    assert.equal(sd.Location, 's3://fixture-trail-bucket/trails/org/AWSLogs/');
    const userIdentity = sd.Columns!.find((c) => c.Name === 'useridentity')!;
    assert.match(userIdentity.Type!, /^struct<type:string,principalid:string,arn:string,.*sessionissuer:struct<type:string,/);
  });

  it('projects the account, region and day partitions from the Project source', () => {
    const input = tableNamed(resources, 'cloudtrail_logs').input.TableInput!;
    assert.deepEqual(
      input.PartitionKeys!.map((k) => [k.Name, k.Type]),
      [
        ['account', 'string'],
        ['region', 'string'],
        ['timestamp', 'string'],
      ],
    );
    const p = input.Parameters!;
    assert.equal(p['projection.enabled'], 'true');
    assert.equal(p['projection.account.type'], 'enum');
    assert.equal(p['projection.account.values'], '111111111111,222222222222');
    assert.equal(p['projection.region.type'], 'enum');
    assert.equal(p['projection.region.values'], 'us-east-1,eu-central-1');
    assert.equal(p['projection.timestamp.type'], 'date');
    assert.equal(p['projection.timestamp.format'], 'yyyy/MM/dd');
    assert.equal(p['projection.timestamp.range'], '2025/06/01,NOW');
    assert.equal(p['projection.timestamp.interval'], '1');
    assert.equal(p['projection.timestamp.interval.unit'], 'DAYS');
    assert.equal(p['storage.location.template'], 's3://fixture-trail-bucket/trails/org/AWSLogs/${account}/CloudTrail/${region}/${timestamp}');
  });

  it('puts no prefix folder in the location when the source has none', () => {
    const bare = compile(
      withSpec(specs, 'fixture', (p) => delete p.source.prefix),
      local,
    );
    const input = tableNamed(bare, 'cloudtrail_logs').input.TableInput!;
    assert.equal(input.StorageDescriptor!.Location, 's3://fixture-trail-bucket/AWSLogs/');
    assert.equal(input.Parameters!['storage.location.template'], 's3://fixture-trail-bucket/AWSLogs/${account}/CloudTrail/${region}/${timestamp}');
  });
});

describe('compile: the Insights table, compiled with the events table', () => {
  const resources = compile(specs, local);
  const insightsOf = (all: DesiredResource[]) => byKind(all, 'GlueTable').find((t) => t.input.TableInput?.Name !== 'cloudtrail_logs')!;

  it('is the second table of the database: cloudtrail_insights, with the columns of an Insights record', () => {
    const tables = byKind(resources, 'GlueTable');
    assert.deepEqual(
      tables.map((t) => t.id),
      ['fixture_db.cloudtrail_insights', 'fixture_db.cloudtrail_logs'],
    );
    const table = insightsOf(resources);
    assert.deepEqual(table.dependsOn, ['GlueDatabase/fixture_db']);
    const input = table.input.TableInput!;
    assert.equal(input.Description, 'CloudTrail Insights events, one row per start or end of unusual activity (managed by trailsight).');
    const sd = input.StorageDescriptor!;
    assert.deepEqual(
      sd.Columns!.map((c) => [c.Name, c.Type]),
      INSIGHTS_COLUMNS.map((c) => [c.name, hiveType(c.type)]),
    );
    assert.deepEqual(
      sd.Columns!.map((c) => c.Name),
      ['eventversion', 'eventtime', 'awsregion', 'eventid', 'eventtype', 'recipientaccountid', 'sharedeventid', 'insightdetails', 'eventcategory'],
    );
    const details = sd.Columns!.find((c) => c.Name === 'insightdetails')!.Type!;
    assert.equal(
      details,
      'struct<state:string,eventsource:string,eventname:string,insighttype:string,errorcode:string,sourceeventcategory:string,insightsource:string,' +
        'insightcontext:struct<statistics:struct<baseline:struct<average:double>,insight:struct<average:double>,insightduration:int,baselineduration:int>,' +
        'attributions:array<struct<attribute:string,insight:array<struct<value:string,average:double>>,baseline:array<struct<value:string,average:double>>>>>>',
    );
    assert.equal(sd.InputFormat, 'com.amazon.emr.cloudtrail.CloudTrailInputFormat');
    assert.equal(sd.SerdeInfo?.SerializationLibrary, 'org.apache.hive.hcatalog.data.JsonSerDe');
  });

  it('projects the same partitions over the CloudTrail-Insight/ folders beside the events', () => {
    const logs = tableNamed(resources, 'cloudtrail_logs').input.TableInput!;
    const input = insightsOf(resources).input.TableInput!;
    assert.deepEqual(input.PartitionKeys, logs.PartitionKeys);
    assert.equal(input.StorageDescriptor!.Location, 's3://fixture-trail-bucket/trails/org/AWSLogs/');
    const { 'storage.location.template': template, ...projection } = input.Parameters!;
    const { 'storage.location.template': logsTemplate, ...logsProjection } = logs.Parameters!;
    assert.deepEqual(projection, logsProjection, 'the same accounts, Regions and days');
    assert.equal(template, 's3://fixture-trail-bucket/trails/org/AWSLogs/${account}/CloudTrail-Insight/${region}/${timestamp}');
    assert.equal(logsTemplate, 's3://fixture-trail-bucket/trails/org/AWSLogs/${account}/CloudTrail/${region}/${timestamp}');
  });

  it("an organization trail's: under AWSLogs/o-…/, for both tables", () => {
    const org = compile(
      withSpec(specs, 'fixture', (p) => (p.source.organizationId = 'o-a1b2c3d4e5')),
      local,
    );
    assert.deepEqual(
      ['cloudtrail_logs', 'cloudtrail_insights']
        .map((name) => tableNamed(org, name).input.TableInput!)
        .map((input) => [input.StorageDescriptor!.Location, input.Parameters!['storage.location.template']]),
      [
        [
          's3://fixture-trail-bucket/trails/org/AWSLogs/o-a1b2c3d4e5/',
          's3://fixture-trail-bucket/trails/org/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}',
        ],
        [
          's3://fixture-trail-bucket/trails/org/AWSLogs/o-a1b2c3d4e5/',
          's3://fixture-trail-bucket/trails/org/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail-Insight/${region}/${timestamp}',
        ],
      ],
    );
  });

  it('takes its name from glue.insightsTable, which must differ from glue.table', () => {
    const named = compile(
      withSpec(specs, 'fixture', (p) => (p.glue.insightsTable = 'trail_insights')),
      local,
    );
    assert.equal(insightsOf(named).id, 'fixture_db.trail_insights');
    assert.deepEqual(
      refusalsWith(specs, 'fixture', (p) => (p.glue.insightsTable = 'cloudtrail_logs')),
      [
        "the events' table and the Insights events' table are both 'cloudtrail_logs': name them apart (glue.table, glue.insightsTable, default cloudtrail_insights)",
      ],
    );
  });
});

describe('compile: Athena workgroup and QuickSight data source', () => {
  it('creates the workgroup when the Project asks, with its result location enforced', () => {
    const [wg] = byKind(compile(specs, local), 'WorkGroup');
    assert.equal(wg.input.Name, 'fixture-wg');
    assert.equal(wg.input.Configuration?.ResultConfiguration?.OutputLocation, 's3://fixture-athena-results/queries/');
    assert.equal(wg.input.Configuration?.EnforceWorkGroupConfiguration, true);
    assert.ok(wg.input.Tags?.some((t) => t.Key === 'managed-by' && t.Value === 'trailsight'));
  });

  it('uses an existing workgroup as is when the Project does not create one', () => {
    const prod = resolveTarget(specs.project.spec, { name: 'prod' });
    const resources = compile(
      withSpec(specs, 'fixture', (p) => (p.athena.createWorkgroup = false)),
      prod,
    );
    assert.equal(byKind(resources, 'WorkGroup').length, 0);
    const [ds] = byKind(resources, 'DataSource');
    assert.equal(ds.input.DataSourceParameters?.AthenaParameters?.WorkGroup, 'fixture-wg');
    assert.deepEqual(ds.dependsOn, []);
  });

  it('creates an ATHENA data source on the (prefixed) managed workgroup, owned by the owners only', () => {
    const prod = resolveTarget(specs.project.spec, { name: 'prod' });
    const [ds] = byKind(compile(specs, prod), 'DataSource');
    assert.equal(ds.id, 'prod-fixture');
    assert.equal(ds.input.Type, 'ATHENA');
    assert.equal(ds.input.AwsAccountId, '333333333333');
    assert.equal(ds.input.DataSourceParameters?.AthenaParameters?.WorkGroup, 'prod-fixture-wg');
    assert.deepEqual(ds.dependsOn, ['WorkGroup/prod-fixture-wg']);
    assert.deepEqual(
      ds.input.Permissions?.map((p) => p.Principal),
      ['arn:aws:quicksight:eu-central-1:333333333333:user/default/admin'],
    );
    assert.ok(ds.input.Permissions![0].Actions!.includes('quicksight:PassDataSource'));
  });
});
