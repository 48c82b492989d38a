import assert from 'node:assert/strict';
import { projectionFailure, tableFiles, type ProjectedFiles } from '../../src/endpoint/athena/projection/table-files.ts';

const NOW = new Date('2026-11-24T22:02:00Z');
const PARTITIONS = ['account', 'region', 'timestamp'].map((Name) => ({ Name, Type: 'string' }));

/** The CloudTrail table's properties as trailsight compiles them, with `overrides` on top (undefined removes one). */
function cloudTrail(overrides: Record<string, string | undefined> = {}) {
  const parameters: Record<string, string | undefined> = {
    EXTERNAL: 'TRUE',
    'projection.enabled': 'true',
    'projection.account.type': 'enum',
    'projection.account.values': '111122223333',
    'projection.region.type': 'enum',
    'projection.region.values': 'us-east-1',
    'projection.timestamp.type': 'date',
    'projection.timestamp.format': 'yyyy/MM/dd',
    'projection.timestamp.range': '2025/01/01,NOW',
    'projection.timestamp.interval': '1',
    'projection.timestamp.interval.unit': 'DAYS',
    'storage.location.template': 's3://trail/AWSLogs/${account}/CloudTrail/${region}/${timestamp}',
    ...overrides,
  };
  const Parameters = Object.fromEntries(Object.entries(parameters).filter((e): e is [string, string] => e[1] !== undefined));
  return { Parameters, PartitionKeys: PARTITIONS, StorageDescriptor: { Location: 's3://trail/AWSLogs/' } };
}

function projected(table: Parameters<typeof tableFiles>[0], now = NOW): ProjectedFiles {
  const files = tableFiles(table, now);
  assert.equal(files.kind, 'projected', JSON.stringify(files));
  return (files as { files: ProjectedFiles }).files;
}

function problems(table: Parameters<typeof tableFiles>[0]) {
  const files = tableFiles(table, NOW);
  assert.equal(files.kind, 'invalid');
  return (files as { problems: { property: string; message: string }[] }).problems;
}

const file = (account: string, region: string, day: string) => `${account}/CloudTrail/${region}/${day}/${account}_CloudTrail_${region}_x.json.gz`;

describe('endpoint: Athena partition projection as a file filter (pure)', () => {
  it("the CloudTrail table: only projected accounts, regions and days, in the template's shape", () => {
    const files = projected(cloudTrail());
    assert.deepEqual(files.partitionOf(file('111122223333', 'us-east-1', '2026/11/20')), {
      account: '111122223333',
      region: 'us-east-1',
      timestamp: '2026/11/20',
    });
    assert.ok(files.accepts(file('111122223333', 'us-east-1', '2025/01/01')), 'the first day of the range');
    assert.ok(files.accepts(file('111122223333', 'us-east-1', '2026/11/24')), 'NOW is today at day precision');
    assert.ok(!files.accepts(file('444455556666', 'us-east-1', '2026/11/20')), 'an account not in the values');
    assert.ok(!files.accepts(file('111122223333', 'eu-west-1', '2026/11/20')), 'a region not in the values');
    assert.ok(!files.accepts(file('111122223333', 'us-east-1', '2024/12/31')), 'before the range');
    assert.ok(!files.accepts(file('111122223333', 'us-east-1', '2026/11/25')), 'after NOW');
    assert.ok(!files.accepts(file('111122223333', 'us-east-1', '2026/2/03')), "not the format's text");
    assert.ok(!files.accepts(file('111122223333', 'us-east-1', '2026/02/30')), 'not a date');
    assert.ok(!files.accepts('111122223333/CloudTrail/us-east-1/2026/11/file.json.gz'), "not the template's shape");
    assert.ok(!files.accepts('other/111122223333/CloudTrail/us-east-1/2026/11/20/file.json.gz'), 'not below the template');
    assert.ok(!files.accepts('111122223333/CloudTrail/us-east-1/2026/11/20'), 'the partition folder itself holds no file name');
  });

  it('judges a folder as each file in it (the engine trusts an unchanged folder by it): the partitions are folders', () => {
    for (const table of [cloudTrail(), cloudTrail({ 'storage.location.template': undefined })]) {
      const files = projected(table);
      const paths = [
        file('111122223333', 'us-east-1', '2026/11/20'),
        file('111122223333', 'us-east-1', '2024/12/31'),
        file('444455556666', 'us-east-1', '2026/11/20'),
        '111122223333/CloudTrail/us-east-1/2026/11/20/deeper/file.json.gz',
        '111122223333/CloudTrail/us-east-1/2026/11/file.json.gz',
        'account=111122223333/region=us-east-1/timestamp=2026/11/20/file.json.gz',
        'account=111122223333/region=us-east-1/timestamp=2024/11/20/file.json.gz',
        'file.json.gz',
      ];
      const verdicts = paths.map((path) => {
        const folder = path.split('/').slice(0, -1).join('/');
        assert.equal(files.acceptsFolder(folder), files.accepts(path), path);
        return files.accepts(path);
      });
      // Neither all accepted nor all refused: the comparison says something.
      assert.ok(verdicts.includes(true) && verdicts.includes(false), JSON.stringify(verdicts));
    }
  });

  it('ranges relative to NOW, with NOW±N units as Athena documents them', () => {
    const lastDays = projected(cloudTrail({ 'projection.timestamp.range': 'NOW-3DAYS,NOW' }));
    const days = ['2026/11/20', '2026/11/21', '2026/11/22', '2026/11/23', '2026/11/24', '2026/11/25'];
    assert.deepEqual(
      days.filter((d) => lastDays.accepts(file('111122223333', 'us-east-1', d))),
      ['2026/11/21', '2026/11/22', '2026/11/23', '2026/11/24'],
    );
    const ahead = projected(cloudTrail({ 'projection.timestamp.range': ' NOW - 1 WEEKS , NOW+1MONTH ' }));
    assert.ok(ahead.accepts(file('111122223333', 'us-east-1', '2026/11/17')));
    assert.ok(!ahead.accepts(file('111122223333', 'us-east-1', '2026/11/16')));
    assert.ok(ahead.accepts(file('111122223333', 'us-east-1', '2026/12/24')));
    assert.ok(!ahead.accepts(file('111122223333', 'us-east-1', '2026/12/25')));
    const later = projected(cloudTrail({ 'projection.timestamp.range': 'NOW-3DAYS,NOW' }), new Date('2026-11-30T01:00:00Z'));
    assert.ok(!later.accepts(file('111122223333', 'us-east-1', '2026/11/24')), 'NOW is read when the filter is made');
    assert.equal(later.key, lastDays.key, 'the key names the configuration, not the moment');
  });

  it('date interval and unit: every other day; months by default for a month format', () => {
    const everyOther = projected(cloudTrail({ 'projection.timestamp.range': '2026/11/01,2026/11/10', 'projection.timestamp.interval': '2' }));
    const days = Array.from({ length: 12 }, (_, i) => `2026/11/${String(i + 1).padStart(2, '0')}`);
    assert.deepEqual(
      days.filter((d) => everyOther.accepts(file('111122223333', 'us-east-1', d))),
      ['2026/11/01', '2026/11/03', '2026/11/05', '2026/11/07', '2026/11/09'],
    );
    const monthly = projected(
      cloudTrail({
        'projection.timestamp.format': "yyyy-MM'M'",
        'projection.timestamp.range': '2026-01M,NOW',
        'projection.timestamp.interval': undefined,
        'projection.timestamp.interval.unit': undefined,
      }),
    );
    assert.ok(monthly.accepts(file('111122223333', 'us-east-1', '2026-11M')));
    assert.ok(!monthly.accepts(file('111122223333', 'us-east-1', '2026-12M')));
    assert.ok(!monthly.accepts(file('111122223333', 'us-east-1', '2025-12M')));
  });

  it('integer columns (range, interval, digits) and injected columns (any value)', () => {
    const table = {
      Parameters: {
        'projection.enabled': 'TRUE',
        'projection.shard.type': ' Integer ',
        'projection.shard.range': '1,9',
        'projection.shard.interval': '2',
        'projection.shard.digits': '2',
        'projection.tenant.type': 'injected',
        'storage.location.template': 's3://b/logs/${tenant}/${shard}/',
      },
      PartitionKeys: [{ Name: 'tenant' }, { Name: 'shard' }],
    };
    const files = projected(table);
    assert.deepEqual(files.partitionOf('acme/03/a.json'), { tenant: 'acme', shard: '03' });
    assert.deepEqual(
      ['01', '02', '09', '11', '3', '003'].filter((s) => files.accepts(`anyone/${s}/a.json`)),
      ['01', '09'],
    );
  });

  it('the default layout (col=value folders) when there is no storage.location.template', () => {
    const files = projected(cloudTrail({ 'storage.location.template': undefined }));
    assert.ok(files.accepts('account=111122223333/region=us-east-1/timestamp=2026/11/20/f.json'));
    assert.ok(!files.accepts(file('111122223333', 'us-east-1', '2026/11/20')));
  });

  it("without projection (absent or false) every file under the location is the table's", () => {
    assert.deepEqual(tableFiles(cloudTrail({ 'projection.enabled': 'false' }), NOW), { kind: 'location' });
    assert.deepEqual(tableFiles(cloudTrail({ 'projection.enabled': undefined }), NOW), { kind: 'location' });
  });

  it('a different projection has a different key', () => {
    assert.notEqual(projected(cloudTrail()).key, projected(cloudTrail({ 'projection.account.values': '111122223333,444455556666' })).key);
  });

  it('properties Athena would refuse: every problem at once, each naming its property', () => {
    const found = problems(
      cloudTrail({
        'projection.account.type': 'enumeration',
        'projection.region.values': undefined,
        'projection.timestamp.range': '2025-01-01,NOW',
      }),
    );
    assert.deepEqual(
      found.map((p) => p.property),
      ['projection.account.type', 'projection.region.values', 'projection.timestamp.range'],
    );
    const message = projectionFailure('security.cloudtrail_logs', found);
    assert.match(
      message,
      /^INVALID_TABLE_PROPERTY: Table security\.cloudtrail_logs: Column projection for column 'account' failed\. Unsupported projection type 'enumeration'/,
    );
    assert.match(
      message,
      /Column projection for column 'timestamp' failed\. Property: 'projection\.timestamp\.range' needs to be two dates formatted as 'yyyy\/MM\/dd' or relative to NOW .*not '2025-01-01,NOW'/,
    );
  });

  it('more refusals: reversed or one-sided ranges, bad units, sub-day formats without a unit, template placeholders', () => {
    const property = (overrides: Record<string, string | undefined>) => problems(cloudTrail(overrides)).map((p) => p.property);
    assert.deepEqual(property({ 'projection.timestamp.range': 'NOW,2025/01/01' }), ['projection.timestamp.range']);
    assert.deepEqual(property({ 'projection.timestamp.range': 'NOW' }), ['projection.timestamp.range']);
    assert.deepEqual(property({ 'projection.timestamp.range': 'NOW-3DAYZ,NOW' }), ['projection.timestamp.range']);
    assert.deepEqual(property({ 'projection.timestamp.interval.unit': 'FORTNIGHTS', 'projection.timestamp.interval': '0' }), [
      'projection.timestamp.interval',
      'projection.timestamp.interval.unit',
    ]);
    assert.deepEqual(property({ 'projection.timestamp.format': 'yyyy/MM/dd/HH', 'projection.timestamp.interval.unit': undefined }), [
      'projection.timestamp.interval.unit',
    ]);
    assert.deepEqual(property({ 'projection.timestamp.format': 'yyyy/MMM/dd' }), ['projection.timestamp.format']);
    assert.deepEqual(property({ 'projection.region.type': undefined }), ['projection.region.type']);
    assert.deepEqual(property({ 'storage.location.template': 's3://trail/AWSLogs/${account}/CloudTrail/${timestamp}/${day}' }), [
      'storage.location.template',
      'storage.location.template',
    ]);
  });
});
