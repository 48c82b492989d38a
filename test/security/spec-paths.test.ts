import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { formatFinding, checkSpecs } from '../../src/language/index.ts';
import { REPO, sourcesIn, textSource } from '../language/helpers.ts';
import { runCli } from '../cli/run-cli.ts';

const FILE = 'dashboards/project.yaml';

/** The base fixture's Project with its `source` (and optionally Athena output) replaced. */
function project(source: { bucket: string; prefix?: string }, outputLocation?: string): string {
  const lines = [
    'apiVersion: trailsight/v1',
    'kind: Project',
    'id: fixture',
    'name: Fixture project',
    'source:',
    `  bucket: ${JSON.stringify(source.bucket)}`,
    ...(source.prefix === undefined ? [] : [`  prefix: ${JSON.stringify(source.prefix)}`]),
    '  accounts: ["111122223333"]',
    '  regions: [us-east-1]',
    '  firstDay: "2026-01-01"',
    'glue: { database: trailsight, table: cloudtrail_logs }',
    `athena: { workgroup: primary${outputLocation === undefined ? '' : `, outputLocation: ${JSON.stringify(outputLocation)}`} }`,
    'quicksight: {}',
  ];
  return `${lines.join('\n')}\n`;
}

/** The findings of linting that Project with the base DataSet, as `line:col  message`. */
function findings(text: string): string[] {
  const events = sourcesIn('base').filter((s) => !s.file.endsWith('project.yaml'));
  return checkSpecs([textSource(FILE, text), ...events]).findings.map(formatFinding);
}

const projectSchema = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(REPO, 'schemas', 'project.schema.json'), 'utf8')));

describe("security: a Project's bucket and prefix cannot climb", () => {
  const climbing: [string, RegExp][] = [
    ['../../../../tmp/victim/', /source\.prefix: .* is not valid: has a '\.\.' segment/],
    ['logs/../../', /source\.prefix: .* has a '\.\.' segment/],
    ['./logs/', /source\.prefix: .* has a '\.' segment/],
    ['/tmp/victim/', /source\.prefix: .* starts with '\/'/],
    ['logs//trail/', /source\.prefix: .* has an empty segment/],
    ['..\\..\\victim\\', /source\.prefix: .* has a backslash/],
    ['logs\u001b[2J/', /source\.prefix: .* has a control character \(\\u001b\)/],
    ['logs\r/', /source\.prefix: .* has a control character \(\\u000d\)/],
    ['logs\u202e/', /source\.prefix: .* has a control character \(\\u202e\)/],
    ['logs', /source\.prefix: .* must end with '\/'/],
  ];
  for (const [prefix, message] of climbing) {
    it(`refuses prefix ${JSON.stringify(prefix)} at file:line:col, naming the field`, () => {
      const found = findings(project({ bucket: 'fixture-trail-logs', prefix }));
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0]!, new RegExp(`^${FILE}:7:11  `));
      assert.match(found[0]!, new RegExp(message.source, 's'));
      assert.equal(projectSchema({ ...minimalProject(), source: { ...minimalProject().source, prefix } }), false, 'the JSON Schema refuses it too');
    });
  }

  const buckets: [string, RegExp][] = [
    ['..', /source\.bucket: .* is not valid/],
    ['a..b', /two dots in a row/],
    ['bucket/../../tmp', /has a '\/'/],
    ['192.168.0.1', /IP address/],
    ['xn--bucket', /starts with 'xn--'/],
    ['sthree-bucket', /starts with 'sthree-'/],
    ['amzn-s3-demo-bucket', /starts with 'amzn-s3-demo-'/],
    ['logs-s3alias', /ends with '-s3alias'/],
    ['logs--ol-s3', /ends with '--ol-s3'/],
    ['logs.mrap', /ends with '\.mrap'/],
    ['logs--x-s3', /ends with '--x-s3'/],
    ['logs--table-s3', /ends with '--table-s3'/],
    ['Logs', /upper-case/],
    ['ab', /3 to 63/],
    ['-logs', /start and end with a letter or digit/],
    ['lo\u001bgs', /control character/],
  ];
  for (const [bucket, message] of buckets) {
    it(`refuses bucket ${JSON.stringify(bucket)} by S3's naming rules`, () => {
      const found = findings(project({ bucket }));
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0]!, new RegExp(`^${FILE}:6:11  source\\.bucket: `));
      assert.match(found[0]!, message);
      assert.equal(projectSchema({ ...minimalProject(), source: { ...minimalProject().source, bucket } }), false);
    });
  }

  it('refuses an Athena output location that climbs or names a bad bucket', () => {
    for (const [location, message] of [
      ['s3://results/../../tmp/', /athena\.outputLocation: .* the key has a '\.\.' segment/],
      ['s3://results//x/', /the key has an empty segment/],
      ['s3://a..b/x/', /the bucket 'a\.\.b' has two dots in a row/],
      ['/tmp/results/', /must start with 's3:\/\/'/],
    ] as const) {
      const found = findings(project({ bucket: 'fixture-trail-logs' }, location));
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0]!, message);
    }
  });

  it('accepts what S3 and CloudTrail use', () => {
    for (const prefix of ['', 'org-trail/', 'a/b.c/d e/', 'AWSLogs-archive/2026/', '..x/', 'x../']) {
      assert.deepEqual(findings(project({ bucket: 'example-cloudtrail-logs-123456789012', prefix })), [], prefix);
    }
    for (const bucket of ['abc', 'my.bucket.name', 'a-b-c', '123456789012-trail', 'x'.repeat(63)]) {
      assert.deepEqual(findings(project({ bucket })), [], bucket);
    }
    for (const location of ['s3://results', 's3://results/', 's3://results/trailsight/', 's3://results/a/b']) {
      assert.deepEqual(findings(project({ bucket: 'fixture-trail-logs' }, location)), [], location);
    }
  });

  describe('trailsight plan on a climbing prefix (CLI)', function () {
    this.timeout(120_000);
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'trailsight-spec-paths-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('fails on the spec, with file:line:col, before anything is created, linked or deleted', async () => {
      // From <dir>/.trailsight/s3/<bucket>/ three levels up is <dir>: the prefix aims at <dir>/victim/AWSLogs.
      const victim = join(dir, 'victim', 'AWSLogs');
      await mkdir(victim, { recursive: true });
      await writeFile(join(victim, 'keep.txt'), "the user's logs\n");
      const specs = join(dir, 'dashboards');
      await mkdir(specs);
      await writeFile(join(specs, 'project.yaml'), project({ bucket: 'fixture-trail-logs', prefix: '../../../victim/' }));
      await writeFile(join(specs, 'events.yaml'), await readFile(join(REPO, 'test/language/fixtures/base/events.yaml')));

      const result = await runCli(['plan', 'dashboards'], dir);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /dashboards\/project\.yaml:7:11 {2}source\.prefix: '\.\.\/\.\.\/\.\.\/victim\/' is not valid: has a '\.\.' segment/);
      assert.equal(await readFile(join(victim, 'keep.txt'), 'utf8'), "the user's logs\n");
      assert.equal((await lstat(victim)).isSymbolicLink(), false);
      await assert.rejects(lstat(join(dir, '.trailsight')), { code: 'ENOENT' }, 'nothing was started');
    });
  });
});

function minimalProject() {
  return {
    apiVersion: 'trailsight/v1',
    kind: 'Project',
    id: 'fixture',
    name: 'Fixture',
    source: { bucket: 'fixture-trail-logs', accounts: ['111122223333'], regions: ['us-east-1'], firstDay: '2026-01-01' },
    glue: { database: 'trailsight', table: 'cloudtrail_logs' },
    athena: { workgroup: 'primary' },
    quicksight: {},
  };
}
