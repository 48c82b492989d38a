import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClients, createReadClients, destroyClients } from '../../src/aws/clients.ts';
import { iamPolicy } from '../../src/aws/iam-policy.ts';
import { observeCalls, type ObservedCall } from '../../src/aws/observe.ts';
import { validateOperationInput, loadModel } from '../../src/awsmodel/index.ts';
import { serviceRoleNeeds } from '../../src/doctor/index.ts';
import type { ResolvedTarget } from '../../src/compile/index.ts';
import { doctorExitCode, runDoctor, type DoctorContext, type Finding } from '../../src/doctor/index.ts';
import type { LocalTrail } from '../../src/endpoint/cloudtrail/trail.ts';
import type { ProjectSpec } from '../../src/language/schema/index.ts';
import { ACCOUNT, REGION, removeDir, startTestEndpoint, stopTestEndpoint, tempDir } from '../endpoint/helpers.ts';

const BUCKET = 'example-trail-logs';
const NOW = new Date('2026-12-07T10:00:00Z');
const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`;
const USER = `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/trailsight`;

function project(source: Partial<ProjectSpec['source']> = {}, athena: Partial<ProjectSpec['athena']> = {}): ProjectSpec {
  return {
    apiVersion: 'trailsight/v1',
    kind: 'Project',
    id: 'doctor-test',
    name: 'doctor test',
    source: { bucket: BUCKET, prefix: 'trail/', accounts: [ACCOUNT], regions: [REGION, 'eu-west-1'], firstDay: '2026-12-01', ...source },
    glue: { database: 'trailsight', table: 'cloudtrail_logs' },
    athena: { workgroup: 'trailsight', createWorkgroup: true, ...athena },
    quicksight: { namespace: 'default' },
  } as ProjectSpec;
}

const target = (principals: string[] = [USER]): ResolvedTarget => ({
  name: 'test',
  account: ACCOUNT,
  region: REGION,
  idPrefix: '',
  principals: { owners: principals, viewers: [] },
});

function trail(overrides: Partial<LocalTrail['trail']> = {}, rest: Partial<Omit<LocalTrail, 'trail'>> = {}): LocalTrail {
  return {
    trail: {
      Name: 'main',
      TrailARN: TRAIL_ARN,
      HomeRegion: REGION,
      S3BucketName: BUCKET,
      S3KeyPrefix: 'trail',
      IsMultiRegionTrail: true,
      IsOrganizationTrail: false,
      ...overrides,
    },
    status: { IsLogging: true },
    eventSelectors: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] },
    insightSelectors: [],
    ...rest,
  };
}

/** A log file for each Region on a day (`YYYY/MM/DD`), where the Glue table's template looks. */
async function logFiles(s3Root: string, day: string, options: { org?: string; regions?: string[] } = {}): Promise<void> {
  for (const region of options.regions ?? [REGION, 'eu-west-1']) {
    const dir = join(s3Root, BUCKET, 'trail', 'AWSLogs', ...(options.org ? [options.org] : []), ACCOUNT, 'CloudTrail', region, ...day.split('/'));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${ACCOUNT}_CloudTrail_${region}_x.json.gz`), 'x');
  }
}

/** Runs every check against a fresh endpoint with these trails and files. */
async function doctor(options: {
  trails: LocalTrail[];
  files?: (s3Root: string) => Promise<void>;
  project?: ProjectSpec;
  principals?: string[];
  local?: boolean;
  onCall?: (call: ObservedCall) => void;
}): Promise<Finding[]> {
  const s3Root = await tempDir('doctor-s3');
  const endpoint = await startTestEndpoint({ s3Root, trails: options.trails });
  const connection = { region: REGION, endpoint: endpoint.url };
  const main = createClients(connection);
  const read = createReadClients(connection);
  if (options.onCall) {
    observeCalls(main, options.onCall);
    observeCalls(read, options.onCall);
  }
  try {
    await options.files?.(s3Root);
    const ctx: DoctorContext = {
      project: options.project ?? project(),
      target: target(options.principals),
      clients: { ...main, ...read },
      ...(options.local === false ? {} : { local: { noIam: 'no IAM here' } }),
      now: NOW,
    };
    return await runDoctor(ctx);
  } finally {
    destroyClients(main);
    destroyClients(read);
    await stopTestEndpoint(endpoint);
    await removeDir(s3Root);
  }
}

const finding = (findings: Finding[], check: string): Finding => {
  const found = findings.find((f) => f.check === check);
  assert.ok(found, `no finding for ${check}`);
  return found;
};

describe('doctor: every check over real SDK clients against the local endpoint', function () {
  this.timeout(60_000);

  it('a healthy account passes every check it can answer, and exits 0', async () => {
    const findings = await doctor({ trails: [trail()], files: (root) => logFiles(root, '2026/12/07') });
    assert.deepEqual(
      findings.map((f) => [f.check, f.outcome]),
      [
        ['credentials', 'pass'],
        ['quicksight-subscription', 'pass'],
        ['principals', 'pass'],
        ['trail', 'pass'],
        ['trail-events', 'pass'],
        ['log-files', 'pass'],
        ['athena-workgroup', 'pass'],
        ['service-role', 'not-checked'],
      ],
    );
    assert.match(finding(findings, 'trail').finding, /trail main → s3:\/\/example-trail-logs\/trail\/, multi-Region, logging/);
    assert.equal(finding(findings, 'service-role').fix, 'no IAM here');
    assert.equal(doctorExitCode(findings), 0);
  });

  it('a trail that stopped logging fails, with the start-logging command', async () => {
    const findings = await doctor({
      trails: [trail({}, { status: { IsLogging: false, StopLoggingTime: Date.parse('2026-12-05T08:00:00Z') / 1000 } })],
      files: (r) => logFiles(r, '2026/12/07'),
    });
    const f = finding(findings, 'trail');
    assert.equal(f.outcome, 'fail');
    assert.match(f.finding, /trail main is not logging \(stopped 2026-12-05T08:00:00.000Z\)/);
    assert.match(f.fix ?? '', /aws cloudtrail start-logging --name arn:aws:cloudtrail:us-east-1:111122223333:trail\/main/);
    assert.equal(doctorExitCode(findings), 1);
  });

  it('a trail that delivers elsewhere is named, with where it delivers', async () => {
    const findings = await doctor({ trails: [trail({ S3BucketName: 'other-bucket', S3KeyPrefix: undefined })] });
    const f = finding(findings, 'trail');
    assert.equal(f.outcome, 'fail');
    assert.match(f.finding, /no trail delivers to s3:\/\/example-trail-logs\/trail\/; the trails here deliver elsewhere: main → s3:\/\/other-bucket\//);
    assert.equal(finding(findings, 'trail-events').outcome, 'fail');
  });

  it('no trail at all says to create a multi-Region one', async () => {
    const f = finding(await doctor({ trails: [] }), 'trail');
    assert.match(f.finding, /no trail in us-east-1 of account 111122223333/);
    assert.match(f.fix ?? '', /create-trail --is-multi-region-trail/);
  });

  it('a single-Region trail fails when the Project reads other Regions', async () => {
    const f = finding(await doctor({ trails: [trail({ IsMultiRegionTrail: false })], files: (r) => logFiles(r, '2026/12/07') }), 'trail');
    assert.equal(f.outcome, 'fail');
    assert.match(f.finding, /records us-east-1 only, but the Project reads eu-west-1 too/);
  });

  it('an organization trail without source.organizationId fails: the table would read nothing; with it, its files are found', async () => {
    const org = 'o-a1b2c3d4e5';
    const without = await doctor({ trails: [trail({ IsOrganizationTrail: true })], files: (r) => logFiles(r, '2026/12/07', { org }) });
    assert.match(finding(without, 'trail').finding, /is an organization trail .* no organizationId, so the table reads nothing/);
    assert.equal(finding(without, 'log-files').outcome, 'fail');
    assert.match(finding(without, 'log-files').finding, /AWSLogs\/<account>\/CloudTrail/);

    const withOrg = await doctor({
      trails: [trail({ IsOrganizationTrail: true })],
      files: (r) => logFiles(r, '2026/12/07', { org }),
      project: project({ organizationId: org }),
    });
    assert.equal(finding(withOrg, 'trail').outcome, 'pass');
    assert.equal(finding(withOrg, 'log-files').outcome, 'pass');
    assert.match(finding(withOrg, 'log-files').finding, new RegExp(`AWSLogs/${org}/<account>/CloudTrail`));
  });

  it("log files: yesterday's are recent enough; a Region with none since yesterday is named", async () => {
    const yesterday = await doctor({ trails: [trail()], files: (r) => logFiles(r, '2026/12/06') });
    assert.equal(finding(yesterday, 'log-files').outcome, 'pass');
    const stale = await doctor({
      trails: [trail()],
      files: async (r) => {
        await logFiles(r, '2026/12/07', { regions: [REGION] });
        await logFiles(r, '2026/12/01', { regions: ['eu-west-1'] });
      },
    });
    const f = finding(stale, 'log-files');
    assert.equal(f.outcome, 'fail');
    assert.match(f.finding, /no files since 2026\/12\/06 for 1 of 2 account\/Region pairs \(111122223333\/eu-west-1\)/);
  });

  it('events: data and Insights events the Project expects and the trail does not record fail, each with its fix', async () => {
    const expects = project({ events: ['management', 'data', 'insights'] });
    const findings = await doctor({ trails: [trail()], project: expects, files: (r) => logFiles(r, '2026/12/07') });
    const f = finding(findings, 'trail-events');
    assert.equal(f.outcome, 'fail');
    assert.match(f.finding, /expects data events, and the trail records none/);
    assert.match(f.finding, /expects Insights events, and the trail has none enabled/);
    assert.match(f.fix ?? '', /put-insight-selectors/);
  });

  it('events: advanced selectors for S3 objects and both Insights types pass', async () => {
    const selective = trail(
      {},
      {
        eventSelectors: {
          AdvancedEventSelectors: [
            { Name: 'management', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
            {
              Name: 's3',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Data'] },
                { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              ],
            },
          ],
        },
        insightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
      },
    );
    const f = finding(await doctor({ trails: [selective], project: project({ events: ['management', 'data', 'insights'] }) }), 'trail-events');
    assert.equal(f.outcome, 'pass');
    assert.equal(f.finding, 'records management events, data events (AWS::S3::Object), Insights events');
  });

  it('events the endpoint cannot know are "not checked locally", with why', async () => {
    const inferred = trail({}, { eventSelectors: undefined, insightSelectors: undefined, unknownBecause: 'inferred from folders' });
    const f = finding(await doctor({ trails: [inferred] }), 'trail-events');
    assert.equal(f.outcome, 'not-checked');
    assert.match(f.fix ?? '', /trail main: which events it selects is not known here \(inferred from folders\)/);
  });

  it('a principal that does not exist is named', async () => {
    const group = `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/security-admins`;
    const f = finding(await doctor({ trails: [trail()], principals: [USER, group] }), 'principals');
    assert.equal(f.outcome, 'fail');
    assert.equal(f.finding, `1 of 2 principals not found: ${group} (does not exist)`);
  });

  it('a workgroup that does not exist fails unless publish creates it', async () => {
    const f = finding(await doctor({ trails: [trail()], project: project({}, { createWorkgroup: false }) }), 'athena-workgroup');
    assert.equal(f.outcome, 'fail');
    assert.equal(f.finding, 'workgroup trailsight does not exist');
  });

  it('credentials of another account fail, naming both', async () => {
    const other = { ...target(), account: '999988887777' };
    const s3Root = await tempDir('doctor-s3');
    const endpoint = await startTestEndpoint({ s3Root, trails: [trail()] });
    const connection = { region: REGION, endpoint: endpoint.url };
    const main = createClients(connection);
    const read = createReadClients(connection);
    try {
      const findings = await runDoctor({ project: project(), target: other, clients: { ...main, ...read }, local: { noIam: '-' }, now: NOW });
      assert.match(finding(findings, 'credentials').finding, /in account 111122223333, but target test is account 999988887777/);
    } finally {
      destroyClients(main);
      destroyClients(read);
      await stopTestEndpoint(endpoint);
      await removeDir(s3Root);
    }
  });

  it("trailsight iam-policy allows every call doctor makes, on the resources it names (and plan's read-only role too)", async () => {
    const calls: ObservedCall[] = [];
    const group = `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/security-admins`;
    await doctor({ trails: [trail()], principals: [USER, group], files: (r) => logFiles(r, '2026/12/07'), onCall: (c) => calls.push(c) });
    const p = project();
    for (const readOnly of [false, true]) {
      const policy = iamPolicy(p, target([USER, group]), [], { readOnly });
      const allows = (action: string, resource: string) =>
        policy.Statement.some(
          (s) =>
            s.Action.includes(action) &&
            [s.Resource].flat().some((r) =>
              new RegExp(
                `^${r
                  .split('*')
                  .map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
                  .join('.*')}$`,
              ).test(resource),
            ),
        );
      const denied = calls
        .filter((c) => c.service !== 'sts') // GetCallerIdentity needs no permission
        .map((c) => iamRequest(c))
        .filter(([action, resource]) => !allows(action, resource));
      assert.deepEqual(denied, [], readOnly ? 'read-only policy' : 'publish policy');
    }
    assert.deepEqual([...new Set(calls.map((c) => `${c.service}:${c.operation}`))].sort(), [
      'athena:GetWorkGroup',
      'cloudtrail:DescribeTrails',
      'cloudtrail:GetEventSelectors',
      'cloudtrail:GetTrailStatus',
      'quicksight:DescribeAccountSubscription',
      'quicksight:DescribeGroup',
      'quicksight:DescribeNamespace',
      'quicksight:DescribeUser',
      's3:ListObjectsV2',
      'sts:GetCallerIdentity',
    ]);
  });

  it("the service role's simulation asks IAM valid questions: each request satisfies IAM's API model", () => {
    const iam = loadModel('iam');
    assert.ok(iam, 'the IAM model travels with the repository');
    const ctx = { project: project({}, { outputLocation: 's3://results-bucket/athena/' }), target: target(), now: NOW } as unknown as DoctorContext;
    const needs = serviceRoleNeeds(ctx, { trailKmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` });
    assert.deepEqual(
      needs.map((n) => n.resource),
      [
        `arn:aws:s3:::${BUCKET}`,
        `arn:aws:s3:::${BUCKET}/trail/AWSLogs/*`,
        `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/trailsight`,
        `arn:aws:glue:${REGION}:${ACCOUNT}:table/trailsight/cloudtrail_logs`,
        `arn:aws:glue:${REGION}:${ACCOUNT}:table/trailsight/cloudtrail_insights`,
        'arn:aws:s3:::results-bucket/athena/*',
        `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      ],
    );
    for (const need of needs) {
      const input = {
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/service-role/aws-quicksight-service-role-v0`,
        ActionNames: need.actions,
        ResourceArns: [need.resource],
      };
      assert.deepEqual(validateOperationInput(iam, 'SimulatePrincipalPolicy', input), []);
    }
  });
  it("asks about the target's own names: a target's prefix on the workgroup and Glue database publish creates there", () => {
    const staging = { ...target(), name: 'staging', idPrefix: 'staging-' };
    const ctx = { project: project(), target: staging, now: NOW } as unknown as DoctorContext;
    const resources = serviceRoleNeeds(ctx, {}).map((n) => n.resource);
    assert.ok(resources.includes(`arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/staging-trailsight`), resources.join('\n'));
    assert.ok(resources.includes(`arn:aws:glue:${REGION}:${ACCOUNT}:table/staging_trailsight/cloudtrail_logs`), resources.join('\n'));
    assert.ok(resources.includes(`arn:aws:glue:${REGION}:${ACCOUNT}:table/staging_trailsight/cloudtrail_insights`), resources.join('\n'));
    // An existing workgroup (createWorkgroup false) is used by its own name, in every target.
    const existing = { project: project({}, { createWorkgroup: false }), target: staging, now: NOW } as unknown as DoctorContext;
    assert.ok(serviceRoleNeeds(existing, {}).some((n) => n.resource === `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/trailsight`));
  });
});

/** The IAM action and resource a doctor call is authorised as. */
function iamRequest(call: ObservedCall): [string, string] {
  const input = call.input as Record<string, string>;
  const qs = (path: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:${path}`;
  switch (`${call.service}:${call.operation}`) {
    case 's3:ListObjectsV2':
      return ['s3:ListBucket', `arn:aws:s3:::${input.Bucket}`];
    case 'athena:GetWorkGroup':
      return ['athena:GetWorkGroup', `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${input.WorkGroup}`];
    case 'quicksight:DescribeNamespace':
      return ['quicksight:DescribeNamespace', qs(`namespace/${input.Namespace}`)];
    case 'quicksight:DescribeUser':
      return ['quicksight:DescribeUser', qs(`user/${input.Namespace}/${input.UserName}`)];
    case 'quicksight:DescribeGroup':
      return ['quicksight:DescribeGroup', qs(`group/${input.Namespace}/${input.GroupName}`)];
    default:
      return [`${call.service}:${call.operation}`, '*'];
  }
}
