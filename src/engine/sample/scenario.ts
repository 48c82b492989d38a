/**
 * The classic scenario: on the first day of logs an administrator creates the trail, names the
 * web server instance (tag `Name=web-server`) and rotates the CI's access key; later the administrator creates the IAM user `nicholas`;
 * nicholas signs in to the console without MFA from an address no one else uses, looks around
 * (EC2, S3), is denied listing IAM users and reading a bucket object, then from AWS CloudShell tries
 * to create access keys for other users in a burst (36 calls in 3 minutes, all denied: what CloudTrail
 * Insights marks), stops the web server, then lists the customer bucket, reads four reports from it
 * and fails to delete one (S3 data events).
 */
import type { CallDetails } from './actions.ts';
import { apiCall, consoleLogin } from './event.ts';
import { Random } from './random.ts';
import { principalId, SCENARIO, type AccountWorld } from './world.ts';

export interface PlacedEvent {
  time: number;
  account: string;
  region: string;
  record: Record<string, unknown>;
}

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const MINUTE = 60_000;

/** The scenario's burst of calls on one API (what its Insights events are about). */
export interface Burst {
  readonly account: string;
  readonly region: string;
  readonly eventSource: string;
  readonly eventName: string;
  /** The error every call of the burst failed with. */
  readonly errorCode: string;
  /** When each call was made, ms since the epoch, in order. */
  readonly times: readonly number[];
  readonly userArn: string;
  readonly userAgent: string;
}

export interface Scenario {
  readonly events: PlacedEvent[];
  readonly burst: Burst;
}

export interface ScenarioTimes {
  /** When the administrator creates the trail and tags the web server (ms since the epoch): the logs' first day. */
  readonly trailAt: number;
  /** When the administrator starts creating nicholas; nicholas signs in 95 minutes later. */
  readonly start: number;
}

/** The scenario's events in account `world`, and its burst. */
export function scenarioEvents(world: AccountWorld, times: ScenarioTimes, seed: number): Scenario {
  const { trailAt, start } = times;
  const rng = new Random(seed ^ 0x5ce7a210);
  const account = world.id;
  const region = SCENARIO.region;
  const events: PlacedEvent[] = [];
  const admin = {
    type: 'IAMUser',
    principalId: principalId(world, 'AIDA', SCENARIO.adminName),
    arn: `arn:aws:iam::${account}:user/${SCENARIO.adminName}`,
    accountId: account,
    accessKeyId: `ASIA${rng.alnum(16)}`,
    userName: SCENARIO.adminName,
    sessionContext: { attributes: { creationDate: new Date(start - 5 * MINUTE).toISOString().replace(/\.\d{3}Z$/, 'Z'), mfaAuthenticated: 'true' } },
  };
  const nicholasArn = `arn:aws:iam::${account}:user/${SCENARIO.userName}`;
  const nicholasBase = {
    type: 'IAMUser',
    principalId: principalId(world, 'AIDA', SCENARIO.userName),
    arn: nicholasArn,
    accountId: account,
    userName: SCENARIO.userName,
  };
  const loginAt = start + 95 * MINUTE + 23_000;
  const nicholas = {
    ...nicholasBase,
    accessKeyId: `ASIA${rng.alnum(16)}`,
    sessionContext: { attributes: { creationDate: new Date(loginAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), mfaAuthenticated: 'false' } },
  };
  // People do not click on the minute: each call lands some seconds into it.
  const at = (from: number, minutes: number) => from + minutes * MINUTE + rng.int(60) * 1000 + rng.int(1000);
  /** One console call of `who` (its identity and address), `minutes` after `from`. */
  const consoleCall = (
    who: { identity: Record<string, unknown>; sourceIp: string },
    from: number,
    minutes: number,
    action: { service: string; name: string; readOnly: boolean; data?: boolean },
    details: CallDetails,
    error?: { code: string; message: string },
  ) => {
    const time = at(from, minutes);
    events.push({
      time,
      account,
      region,
      record: apiCall({ rng, time, account, region, ...who, userAgent: CHROME, console: true, action, details, error }),
    });
  };
  const adminCallAt = (from: number, minutes: number, service: string, name: string, details: CallDetails) =>
    consoleCall({ identity: admin, sourceIp: '203.0.113.10' }, from, minutes, { service, name, readOnly: false }, details);
  const adminCall = (minutes: number, service: string, name: string, details: CallDetails) => adminCallAt(start, minutes, service, name, details);
  const nicholasCall = (
    minutes: number,
    service: string,
    name: string,
    readOnly: boolean,
    details: CallDetails,
    error?: { code: string; message: string },
    data = false,
  ) => consoleCall({ identity: nicholas, sourceIp: SCENARIO.sourceIp }, loginAt, minutes, { service, name, readOnly, data }, details, error);
  const objectResources = (key: string) => [
    { ARN: `arn:aws:s3:::${SCENARIO.bucket}/${key}`, accountId: account, type: 'AWS::S3::Object' },
    { ARN: `arn:aws:s3:::${SCENARIO.bucket}`, accountId: account, type: 'AWS::S3::Bucket' },
  ];

  const trailArn = `arn:aws:cloudtrail:${region}:${account}:trail/${SCENARIO.trailName}`;
  adminCallAt(trailAt, 0, 'cloudtrail', 'CreateTrail', {
    request: {
      name: SCENARIO.trailName,
      s3BucketName: `trailsight-cloudtrail-logs-${account}`,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
    },
    response: {
      name: SCENARIO.trailName,
      trailARN: trailArn,
      s3BucketName: `trailsight-cloudtrail-logs-${account}`,
      isMultiRegionTrail: true,
      logFileValidationEnabled: true,
    },
  });
  // Management events (all), data events (S3 objects, Lambda invocations) and Insights, as the trail records them.
  adminCallAt(trailAt, 1, 'cloudtrail', 'PutEventSelectors', {
    request: {
      trailName: SCENARIO.trailName,
      advancedEventSelectors: [
        { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
        {
          name: 'S3 objects',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
          ],
        },
        {
          name: 'Lambda invocations',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
          ],
        },
      ],
    },
    resources: [{ ARN: trailArn, accountId: account, type: 'AWS::CloudTrail::Trail' }],
  });
  adminCallAt(trailAt, 2, 'cloudtrail', 'PutInsightSelectors', {
    request: { trailName: SCENARIO.trailName, insightSelectors: [{ insightType: 'ApiCallRateInsight' }, { insightType: 'ApiErrorRateInsight' }] },
    response: { trailARN: trailArn, insightSelectors: [{ insightType: 'ApiCallRateInsight' }, { insightType: 'ApiErrorRateInsight' }] },
    resources: [{ ARN: trailArn, accountId: account, type: 'AWS::CloudTrail::Trail' }],
  });
  adminCallAt(trailAt, 3, 'cloudtrail', 'StartLogging', {
    request: { name: trailArn },
    resources: [{ ARN: trailArn, accountId: account, type: 'AWS::CloudTrail::Trail' }],
  });
  adminCallAt(trailAt, 4, 'ec2', 'CreateTags', {
    request: { resourcesSet: { items: [{ resourceId: SCENARIO.webServerInstanceId }] }, tagSet: { items: [{ key: 'Name', value: SCENARIO.webServerName }] } },
    response: { requestId: rng.uuid(), _return: true },
  });
  // The CI's deploy key, rotated on the first day: the only access key created before the burst (its Insights baseline).
  adminCallAt(trailAt, 6, 'iam', 'CreateAccessKey', {
    request: { userName: 'ci-deploy' },
    response: { accessKey: { userName: 'ci-deploy', accessKeyId: `AKIA${rng.alnum(16)}`, status: 'Active', createDate: 'Jan 1, 2024 7:54:00 AM' } },
  });
  adminCall(12, 'iam', 'CreateUser', {
    request: { userName: SCENARIO.userName },
    response: { user: { path: '/', userName: SCENARIO.userName, userId: nicholasBase.principalId, arn: nicholasArn, createDate: 'Jan 1, 2024 9:12:00 AM' } },
  });
  adminCall(13, 'iam', 'CreateLoginProfile', {
    request: { userName: SCENARIO.userName, password: 'HIDDEN_DUE_TO_SECURITY_REASONS', passwordResetRequired: false },
    response: { loginProfile: { userName: SCENARIO.userName, passwordResetRequired: false } },
  });
  for (const [minute, policy] of [
    [14, 'AmazonEC2FullAccess'],
    [15, 'AmazonS3ReadOnlyAccess'],
  ] as const) {
    adminCall(minute, 'iam', 'AttachUserPolicy', { request: { userName: SCENARIO.userName, policyArn: `arn:aws:iam::aws:policy/${policy}` } });
  }

  events.push({
    time: loginAt,
    account,
    region,
    record: consoleLogin({
      rng,
      time: loginAt,
      account,
      region,
      identity: { ...nicholasBase },
      sourceIp: SCENARIO.sourceIp,
      userAgent: CHROME,
      console: true,
      success: true,
      mfa: false,
    }),
  });
  nicholasCall(2, 'ec2', 'DescribeInstances', true, { request: { instancesSet: {}, filterSet: {} } });
  nicholasCall(3, 'ec2', 'DescribeSecurityGroups', true, { request: { securityGroupSet: {}, filterSet: {} } });
  nicholasCall(5, 's3', 'ListBuckets', true, { request: { Host: 's3.amazonaws.com' } });
  const bucketArn = `arn:aws:s3:::${SCENARIO.bucket}`;
  nicholasCall(6, 's3', 'GetBucketAcl', true, {
    request: { bucketName: SCENARIO.bucket, Host: `${SCENARIO.bucket}.s3.amazonaws.com`, acl: '' },
    resources: [{ ARN: bucketArn, accountId: account, type: 'AWS::S3::Bucket' }],
  });
  nicholasCall(7, 's3', 'GetBucketPolicy', true, {
    request: { bucketName: SCENARIO.bucket, policy: '' },
    resources: [{ ARN: bucketArn, accountId: account, type: 'AWS::S3::Bucket' }],
  });
  nicholasCall(
    9,
    'iam',
    'ListUsers',
    true,
    { request: null },
    {
      code: 'AccessDenied',
      message: `User: ${nicholasArn} is not authorized to perform: iam:${SCENARIO.deniedAction} on resource: arn:aws:iam::${account}:user/ because no identity-based policy allows the iam:${SCENARIO.deniedAction} action`,
    },
  );
  nicholasCall(
    11,
    's3',
    'GetObject',
    true,
    { request: { bucketName: SCENARIO.bucket, key: 'exports/customers.csv' }, resources: objectResources('exports/customers.csv') },
    { code: 'AccessDenied', message: 'Access Denied' },
    true,
  );
  // The burst, from CloudShell: his console session's credentials, CloudShell's address and AWS CLI.
  const { burst: b } = SCENARIO;
  const burstTimes: number[] = [];
  for (let i = 0; i < b.minutes * b.perMinute; i++) {
    const time = loginAt + b.startMinute * MINUTE + Math.round((i * MINUTE) / b.perMinute) + rng.int(2000);
    const userName = b.users[i % b.users.length] ?? 'admin';
    burstTimes.push(time);
    events.push({
      time,
      account,
      region,
      record: apiCall({
        rng,
        time,
        account,
        region,
        identity: nicholas,
        sourceIp: b.sourceIp,
        userAgent: b.userAgent,
        console: true,
        action: { service: b.service, name: b.action, readOnly: false },
        details: { request: { userName } },
        error: {
          code: b.errorCode,
          message: `User: ${nicholasArn} is not authorized to perform: iam:${b.action} on resource: user ${userName} because no identity-based policy allows the iam:${b.action} action`,
        },
      }),
    });
  }
  nicholasCall(14, 'ec2', 'DescribeInstanceStatus', true, {
    request: { instancesSet: { items: [{ instanceId: SCENARIO.webServerInstanceId }] }, filterSet: {}, includeAllInstances: false },
  });
  nicholasCall(16, 'ec2', 'StopInstances', false, {
    request: { instancesSet: { items: [{ instanceId: SCENARIO.webServerInstanceId }] }, force: false },
    response: {
      requestId: rng.uuid(),
      instancesSet: {
        items: [{ instanceId: SCENARIO.webServerInstanceId, currentState: { code: 64, name: 'stopping' }, previousState: { code: 16, name: 'running' } }],
      },
    },
  });
  // After the server is down: what he read (S3ReadOnlyAccess lets him), and what he could not delete.
  nicholasCall(
    19,
    's3',
    'ListObjects',
    true,
    {
      request: { bucketName: SCENARIO.bucket, prefix: 'reports/', 'list-type': '2' },
      resources: [{ ARN: bucketArn, accountId: account, type: 'AWS::S3::Bucket' }],
    },
    undefined,
    true,
  );
  SCENARIO.readKeys.forEach((key, i) => {
    nicholasCall(20 + i, 's3', 'GetObject', true, { request: { bucketName: SCENARIO.bucket, key }, resources: objectResources(key) }, undefined, true);
  });
  nicholasCall(
    25,
    's3',
    'DeleteObject',
    false,
    { request: { bucketName: SCENARIO.bucket, key: SCENARIO.readKeys[0] }, resources: objectResources(SCENARIO.readKeys[0] ?? '') },
    { code: 'AccessDenied', message: 'Access Denied' },
    true,
  );
  const burst: Burst = {
    account,
    region,
    eventSource: `${b.service}.amazonaws.com`,
    eventName: b.action,
    errorCode: b.errorCode,
    times: burstTimes,
    userArn: nicholasArn,
    userAgent: b.userAgent,
  };
  return { events, burst };
}
