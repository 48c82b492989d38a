/** The API calls the background traffic is made of, and who tends to make them. */
import type { Random } from './random.ts';
import type { AccountWorld } from './world.ts';

/** What kind of principal makes a call: actors pick actions by profile. */
export type Profile = 'admin' | 'developer' | 'ci' | 'app' | 'auditor' | 'service';

export interface CallContext {
  rng: Random;
  world: AccountWorld;
  region: string;
  /** Event time, ms since the epoch. */
  time: number;
}

export interface CallDetails {
  request?: unknown;
  response?: unknown;
  resources?: { ARN: string; accountId: string; type: string }[];
  additional?: unknown;
}

export interface Action {
  service: string;
  name: string;
  readOnly: boolean;
  profiles: readonly Profile[];
  weight: number;
  /** Global services log in us-east-1 only. */
  global?: boolean;
  data?: boolean;
  /** Error code this call fails with now and then, and how often. */
  error?: { code: string; message: string; rate: number };
  build?: (ctx: CallContext) => CallDetails;
}

const ALL: readonly Profile[] = ['admin', 'developer', 'ci', 'app', 'auditor'];
const HUMANS: readonly Profile[] = ['admin', 'developer', 'auditor'];
const UNAUTHORIZED = { code: 'Client.UnauthorizedOperation', message: 'You are not authorized to perform this operation.', rate: 0.02 };
const denied = (rate: number) => ({ code: 'AccessDenied', message: 'Access Denied', rate });
const THROTTLED = { code: 'ThrottlingException', message: 'Rate exceeded', rate: 0.01 };

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
const instance = (ctx: CallContext) => ctx.rng.pick(ctx.world.instances[ctx.region] ?? ['i-0000000000000000']);

export const ACTIONS: readonly Action[] = [
  {
    service: 'ec2',
    name: 'DescribeInstances',
    readOnly: true,
    profiles: ALL,
    weight: 60,
    error: UNAUTHORIZED,
    build: () => ({ request: { instancesSet: {}, filterSet: {} } }),
  },
  {
    service: 'ec2',
    name: 'DescribeSecurityGroups',
    readOnly: true,
    profiles: ALL,
    weight: 20,
    build: () => ({ request: { securityGroupSet: {}, filterSet: {} } }),
  },
  {
    service: 'ec2',
    name: 'DescribeVolumes',
    readOnly: true,
    profiles: ['admin', 'auditor', 'app'],
    weight: 15,
    build: () => ({ request: { volumeSet: {}, filterSet: {} } }),
  },
  { service: 'ec2', name: 'DescribeRegions', readOnly: true, profiles: ALL, weight: 10, build: () => ({ request: { regionSet: {} } }) },
  {
    service: 'ec2',
    name: 'DescribeInstanceStatus',
    readOnly: true,
    profiles: ['admin', 'developer', 'app'],
    weight: 10,
    build: () => ({ request: { instancesSet: {}, filterSet: {}, includeAllInstances: false } }),
  },
  {
    service: 'ec2',
    name: 'StartInstances',
    readOnly: false,
    profiles: ['admin', 'ci'],
    weight: 2,
    error: UNAUTHORIZED,
    build: (ctx) => instanceChange(ctx, 'pending', 0, 'stopped', 80),
  },
  {
    service: 'ec2',
    name: 'StopInstances',
    readOnly: false,
    profiles: ['admin', 'ci'],
    weight: 1.5,
    error: UNAUTHORIZED,
    build: (ctx) => instanceChange(ctx, 'stopping', 64, 'running', 16),
  },
  {
    service: 'ec2',
    name: 'RebootInstances',
    readOnly: false,
    profiles: ['admin', 'ci'],
    weight: 0.5,
    error: UNAUTHORIZED,
    build: (ctx) => ({ request: { instancesSet: { items: [{ instanceId: instance(ctx) }] } }, response: { requestId: ctx.rng.uuid(), _return: true } }),
  },
  {
    service: 'ec2',
    name: 'TerminateInstances',
    readOnly: false,
    profiles: ['ci'],
    weight: 0.3,
    error: UNAUTHORIZED,
    build: (ctx) => instanceChange(ctx, 'shutting-down', 32, 'running', 16, { forceMember: false }),
  },
  {
    service: 'ec2',
    name: 'RunInstances',
    readOnly: false,
    profiles: ['ci'],
    weight: 1,
    error: UNAUTHORIZED,
    build: (ctx) => ({
      request: {
        instancesSet: { items: [{ imageId: `ami-0${ctx.rng.hex(16)}`, minCount: 1, maxCount: 1 }] },
        instanceType: ctx.rng.pick(['t3.micro', 't3.large', 'm6i.xlarge']),
      },
    }),
  },
  {
    service: 'ec2',
    name: 'CreateTags',
    readOnly: false,
    profiles: ['ci', 'admin'],
    weight: 3,
    build: (ctx) => ({
      request: { resourcesSet: { items: [{ resourceId: instance(ctx) }] }, tagSet: { items: [{ key: 'Owner', value: 'platform' }] } },
      response: { _return: true },
    }),
  },
  {
    service: 'ec2',
    name: 'AuthorizeSecurityGroupIngress',
    readOnly: false,
    profiles: ['admin', 'ci'],
    weight: 0.5,
    build: (ctx) => ({
      request: {
        groupId: ctx.rng.pick(ctx.world.securityGroups[ctx.region] ?? ['sg-0']),
        ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] },
      },
      response: { _return: true },
    }),
  },
  { service: 's3', name: 'ListBuckets', readOnly: true, profiles: ALL, weight: 20, build: (ctx) => ({ request: { Host: `s3.${ctx.region}.amazonaws.com` } }) },
  { service: 's3', name: 'GetBucketAcl', readOnly: true, profiles: ['admin', 'auditor', 'service'], weight: 15, build: (ctx) => bucketCall(ctx, { acl: '' }) },
  { service: 's3', name: 'GetBucketLocation', readOnly: true, profiles: ALL, weight: 10, build: (ctx) => bucketCall(ctx, { location: '' }) },
  {
    service: 's3',
    name: 'GetBucketPolicy',
    readOnly: true,
    profiles: ['admin', 'auditor'],
    weight: 8,
    error: { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', rate: 0.3 },
    build: (ctx) => bucketCall(ctx, { policy: '' }),
  },
  { service: 's3', name: 'PutBucketPolicy', readOnly: false, profiles: ['admin', 'ci'], weight: 0.3, build: (ctx) => bucketCall(ctx, { policy: '' }) },
  // Data events (S3 object-level, Lambda invocations): in an account that records them, most of its events.
  {
    service: 's3',
    name: 'GetObject',
    readOnly: true,
    profiles: ['app', 'developer'],
    weight: 40,
    data: true,
    error: denied(0.03),
    build: (ctx) => objectCall(ctx, storedKey(ctx)),
  },
  {
    service: 's3',
    name: 'PutObject',
    readOnly: false,
    profiles: ['app', 'ci'],
    weight: 25,
    data: true,
    build: (ctx) => objectCall(ctx, `uploads/${ctx.rng.hex(12)}.json`),
  },
  {
    service: 's3',
    name: 'DeleteObject',
    readOnly: false,
    profiles: ['app', 'ci'],
    weight: 4,
    data: true,
    error: denied(0.02),
    build: (ctx) => objectCall(ctx, ctx.rng.pick([`uploads/${ctx.rng.hex(12)}.json`, `tmp/${ctx.rng.hex(8)}.part`])),
  },
  {
    service: 'lambda',
    name: 'Invoke',
    readOnly: false,
    profiles: ['app', 'service'],
    weight: 30,
    data: true,
    error: THROTTLED,
    build: (ctx) => invokeCall(ctx),
  },
  { service: 'iam', name: 'ListUsers', readOnly: true, profiles: HUMANS, weight: 4, global: true, error: denied(0.05), build: () => ({ request: null }) },
  {
    service: 'iam',
    name: 'GetUser',
    readOnly: true,
    profiles: HUMANS,
    weight: 4,
    global: true,
    build: (ctx) => ({ request: { userName: ctx.rng.pick(['alice', 'bob', 'carol', 'dave']) } }),
  },
  { service: 'iam', name: 'ListRoles', readOnly: true, profiles: ['admin', 'auditor', 'ci'], weight: 4, global: true, build: () => ({ request: null }) },
  {
    service: 'iam',
    name: 'GetRole',
    readOnly: true,
    profiles: ['ci', 'auditor'],
    weight: 4,
    global: true,
    build: () => ({ request: { roleName: 'order-processor-role' } }),
  },
  {
    service: 'iam',
    name: 'ListAttachedUserPolicies',
    readOnly: true,
    profiles: ['admin', 'auditor'],
    weight: 2,
    global: true,
    build: () => ({ request: { userName: 'bob' } }),
  },
  {
    service: 'iam',
    name: 'CreateAccessKey',
    readOnly: false,
    profiles: ['admin'],
    weight: 0.2,
    global: true,
    build: (ctx) => ({
      request: { userName: 'ci-deploy' },
      response: { accessKey: { userName: 'ci-deploy', accessKeyId: `AKIA${ctx.rng.alnum(16)}`, status: 'Active' } },
    }),
  },
  { service: 'sts', name: 'GetCallerIdentity', readOnly: true, profiles: ['developer', 'ci', 'admin'], weight: 15, build: () => ({ request: null }) },
  {
    service: 'sts',
    name: 'AssumeRole',
    readOnly: true,
    profiles: ['service', 'ci', 'developer'],
    weight: 20,
    build: (ctx) => {
      const role = ctx.rng.pick(['DevOpsRole', 'order-processor-role', 'ReadOnlyAuditRole']);
      const roleArn = `arn:aws:iam::${ctx.world.id}:role/${role}`;
      return {
        request: { roleArn, roleSessionName: ctx.rng.pick(['alice', 'order-processor', 'audit-session']), durationSeconds: 3600 },
        response: {
          credentials: {
            accessKeyId: `ASIA${ctx.rng.alnum(16)}`,
            sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
            expiration: new Date(ctx.time + 3600_000).toUTCString(),
          },
        },
        resources: [{ ARN: roleArn, accountId: ctx.world.id, type: 'AWS::IAM::Role' }],
      };
    },
  },
  { service: 'kms', name: 'Decrypt', readOnly: true, profiles: ['service', 'app'], weight: 40, build: (ctx) => kmsCall(ctx) },
  { service: 'kms', name: 'GenerateDataKey', readOnly: true, profiles: ['service', 'app'], weight: 25, build: (ctx) => kmsCall(ctx, { keySpec: 'AES_256' }) },
  { service: 'lambda', name: 'ListFunctions20150331', readOnly: true, profiles: ['developer', 'auditor'], weight: 6, build: () => ({ request: null }) },
  {
    service: 'lambda',
    name: 'GetFunction20150331v2',
    readOnly: true,
    profiles: ['developer', 'ci'],
    weight: 5,
    build: (ctx) => ({ request: { functionName: ctx.rng.pick(ctx.world.functions) } }),
  },
  {
    service: 'lambda',
    name: 'UpdateFunctionCode20150331v2',
    readOnly: false,
    profiles: ['ci'],
    weight: 2,
    build: (ctx) => ({ request: { functionName: ctx.rng.pick(ctx.world.functions), publish: true } }),
  },
  {
    service: 'logs',
    name: 'CreateLogStream',
    readOnly: false,
    profiles: ['app'],
    weight: 25,
    build: (ctx) => ({
      request: { logGroupName: `/aws/lambda/${ctx.rng.pick(ctx.world.functions)}`, logStreamName: `2024/01/01/[$LATEST]${ctx.rng.hex(32)}` },
    }),
  },
  { service: 'logs', name: 'DescribeLogGroups', readOnly: true, profiles: ['developer', 'auditor'], weight: 6, build: () => ({ request: { limit: 50 } }) },
  {
    service: 'monitoring',
    name: 'DescribeAlarms',
    readOnly: true,
    profiles: ['developer', 'auditor', 'service'],
    weight: 10,
    build: () => ({ request: { maxRecords: 100 } }),
  },
  {
    service: 'monitoring',
    name: 'GetMetricData',
    readOnly: true,
    profiles: ['developer', 'service'],
    weight: 12,
    build: () => ({ request: { maxDatapoints: 1440 } }),
  },
  {
    service: 'dynamodb',
    name: 'DescribeTable',
    readOnly: true,
    profiles: ['app', 'developer', 'service'],
    weight: 15,
    error: THROTTLED,
    build: (ctx) => ({ request: { tableName: ctx.rng.pick(ctx.world.tables) } }),
  },
  { service: 'dynamodb', name: 'ListTables', readOnly: true, profiles: ['developer', 'auditor'], weight: 4, build: () => ({ request: null }) },
  { service: 'rds', name: 'DescribeDBInstances', readOnly: true, profiles: ['developer', 'auditor', 'service'], weight: 6, build: () => ({ request: null }) },
  {
    service: 'secretsmanager',
    name: 'GetSecretValue',
    readOnly: true,
    profiles: ['app'],
    weight: 12,
    error: { code: 'AccessDeniedException', message: 'User is not authorized to perform: secretsmanager:GetSecretValue', rate: 0.02 },
    build: (ctx) => ({ request: { secretId: ctx.rng.pick(ctx.world.secrets) } }),
  },
  {
    service: 'ssm',
    name: 'GetParameter',
    readOnly: true,
    profiles: ['app', 'ci'],
    weight: 15,
    build: (ctx) => ({ request: { name: ctx.rng.pick(ctx.world.parameters), withDecryption: true } }),
  },
  {
    service: 'ssm',
    name: 'UpdateInstanceInformation',
    readOnly: false,
    profiles: ['app'],
    weight: 10,
    build: (ctx) => ({ request: { instanceId: instance(ctx), agentVersion: '3.2.1705.0', platformType: 'Linux' } }),
  },
  {
    service: 'cloudtrail',
    name: 'DescribeTrails',
    readOnly: true,
    profiles: ['auditor', 'service'],
    weight: 5,
    build: () => ({ request: { includeShadowTrails: true } }),
  },
  { service: 'cloudtrail', name: 'LookupEvents', readOnly: true, profiles: ['auditor', 'admin'], weight: 3, build: () => ({ request: { maxResults: 50 } }) },
  { service: 'config', name: 'DescribeConfigRules', readOnly: true, profiles: ['service', 'auditor'], weight: 6, build: () => ({ request: null }) },
  {
    service: 'cloudformation',
    name: 'DescribeStacks',
    readOnly: true,
    profiles: ['ci', 'developer'],
    weight: 8,
    build: () => ({ request: { stackName: 'web-app-prod' } }),
  },
  {
    service: 'cloudformation',
    name: 'UpdateStack',
    readOnly: false,
    profiles: ['ci'],
    weight: 1,
    error: { code: 'ValidationError', message: 'No updates are to be performed.', rate: 0.3 },
    build: () => ({ request: { stackName: 'web-app-prod', capabilities: ['CAPABILITY_IAM'] } }),
  },
];

/** A Start/Stop/Terminate call's details; `force` is a member of Start and Stop requests only. */
function instanceChange(ctx: CallContext, now: string, nowCode: number, before: string, beforeCode: number, options = { forceMember: true }): CallDetails {
  const instanceId = instance(ctx);
  return {
    request: { instancesSet: { items: [{ instanceId }] }, ...(options.forceMember ? { force: false } : {}) },
    response: {
      requestId: ctx.rng.uuid(),
      instancesSet: { items: [{ instanceId, currentState: { code: nowCode, name: now }, previousState: { code: beforeCode, name: before } }] },
    },
  };
}

function bucketCall(ctx: CallContext, extra: Record<string, string>): CallDetails {
  const bucket = ctx.rng.pick(ctx.world.buckets);
  return {
    request: { bucketName: bucket, Host: `${bucket}.s3.${ctx.region}.amazonaws.com`, ...extra },
    resources: [{ ARN: bucketArn(bucket), accountId: ctx.world.id, type: 'AWS::S3::Bucket' }],
    additional: s3Additional(ctx),
  };
}

function objectCall(ctx: CallContext, key: string): CallDetails {
  const bucket = ctx.rng.pick(ctx.world.buckets);
  return {
    request: { bucketName: bucket, Host: `${bucket}.s3.${ctx.region}.amazonaws.com`, key },
    resources: [
      { ARN: `${bucketArn(bucket)}/${key}`, accountId: ctx.world.id, type: 'AWS::S3::Object' },
      { ARN: bucketArn(bucket), accountId: ctx.world.id, type: 'AWS::S3::Bucket' },
    ],
    additional: s3Additional(ctx),
  };
}

/** A key such an account keeps: reports, exports, assets, application logs. */
function storedKey(ctx: CallContext): string {
  const month = `${2026}/${String(1 + ctx.rng.int(12)).padStart(2, '0')}`;
  return ctx.rng.pick([
    `reports/${month}/summary.csv`,
    `reports/${month}/usage-by-team.csv`,
    `exports/orders-${month.replace('/', '-')}.parquet`,
    `assets/img/${ctx.rng.hex(10)}.png`,
    `logs/app/${month}/${ctx.rng.hex(8)}.log.gz`,
  ]);
}

/** Lambda's data event: the function's ARN in the request, its version in additionalEventData, the function as the resource. */
function invokeCall(ctx: CallContext): CallDetails {
  const arn = `arn:aws:lambda:${ctx.region}:${ctx.world.id}:function:${ctx.rng.pick(ctx.world.functions)}`;
  return {
    request: { functionName: arn, invocationType: ctx.rng.pick(['RequestResponse', 'Event']) },
    resources: [{ ARN: arn, accountId: ctx.world.id, type: 'AWS::Lambda::Function' }],
    additional: { functionVersion: `${arn}:$LATEST` },
  };
}

function s3Additional(ctx: CallContext): unknown {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: 0,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': ctx.rng.alnum(24),
    bytesTransferredOut: ctx.rng.int(50_000),
  };
}

function kmsCall(ctx: CallContext, extra: Record<string, string> = {}): CallDetails {
  const keyArn = `arn:aws:kms:${ctx.region}:${ctx.world.id}:key/${ctx.world.kmsKeys[ctx.region] ?? 'default'}`;
  return {
    request: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${ctx.rng.pick(ctx.world.buckets)}` }, ...extra },
    resources: [{ ARN: keyArn, accountId: ctx.world.id, type: 'AWS::KMS::Key' }],
  };
}
