/** Who makes the background calls: IAM users, assumed roles, SSO users, AWS services. */
import type { Profile } from './actions.ts';
import type { Random } from './random.ts';
import { principalId, type AccountWorld } from './world.ts';

export interface Actor {
  profile: Profile;
  weight: number;
  /** Signed in through the console (browser user agent, console session credentials). */
  console: boolean;
  /** The `userIdentity` of one call at `time`. */
  identity: (rng: Random, time: number) => Record<string, unknown>;
  sourceIp: (rng: Random) => string;
  userAgent: (rng: Random) => string;
}

const BROWSERS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
];
const CLIS = [
  'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard',
  'aws-cli/2.13.5 Python/3.11.4 Darwin/23.1.0 exe/x86_64 prompt/off command/ec2.describe-instances',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.15.0 md/arch#x86_64 lang/python#3.12.2',
];
const SDKS = [
  'aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.150.1',
  'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0',
  'aws-sdk-js/3.540.0 ua/2.0 os/linux#5.10.213 lang/js md/nodejs#20.11.1 api/dynamodb#3.540.0',
];

/** Office and home addresses of people; CI and app addresses. 198.51.100.0/24 is kept for the scenario. */
const OFFICE = ['203.0.113.10', '203.0.113.11', '203.0.113.25', '192.0.2.44', '192.0.2.45'];
const HOMES = ['81.2.69.142', '89.160.20.128', '175.16.199.12', '216.160.83.56'];
const CI = ['34.201.12.7', '34.201.12.8', '52.44.90.13'];

const at = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

function iamUser(world: AccountWorld, name: string, options: { console: boolean; mfa: boolean }) {
  return (rng: Random, time: number) => {
    const base = {
      type: 'IAMUser',
      principalId: principalId(world, 'AIDA', name),
      arn: `arn:aws:iam::${world.id}:user/${name}`,
      accountId: world.id,
      accessKeyId: `${options.console ? 'ASIA' : 'AKIA'}${rng.alnum(16)}`,
      userName: name,
    };
    if (!options.console) return base;
    const session = new Date(time - (time % 3_600_000));
    return { ...base, sessionContext: { attributes: { creationDate: at(session.getTime()), mfaAuthenticated: String(options.mfa) } } };
  };
}

function assumedRole(world: AccountWorld, role: string, session: string, extra: { path?: string; invokedBy?: string; ec2RoleDelivery?: string } = {}) {
  return (rng: Random, time: number) => ({
    type: 'AssumedRole',
    principalId: `${principalId(world, 'AROA', role)}:${session}`,
    arn: `arn:aws:sts::${world.id}:assumed-role/${role}/${session}`,
    accountId: world.id,
    accessKeyId: `ASIA${rng.alnum(16)}`,
    ...(extra.invokedBy ? { invokedBy: extra.invokedBy } : {}),
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: principalId(world, 'AROA', role),
        arn: `arn:aws:iam::${world.id}:role${extra.path ?? '/'}${role}`,
        accountId: world.id,
        userName: role,
      },
      attributes: { creationDate: at(time - (time % 3_600_000)), mfaAuthenticated: 'false' },
      ...(extra.ec2RoleDelivery ? { ec2RoleDelivery: extra.ec2RoleDelivery } : {}),
    },
  });
}

function awsService(service: string) {
  return () => ({ type: 'AWSService', invokedBy: service });
}

const fixed = (value: string) => () => value;

/** The actors of one account, with how much of the traffic each makes. */
export function actorsOf(world: AccountWorld, webServerInstance: string): Actor[] {
  const person = (name: string, profile: Profile, weight: number, mfa: boolean): Actor[] => [
    {
      profile,
      weight: weight * 0.6,
      console: true,
      identity: iamUser(world, name, { console: true, mfa }),
      sourceIp: (r) => r.pick(r.chance(0.7) ? OFFICE : HOMES),
      userAgent: (r) => r.pick(BROWSERS),
    },
    {
      profile,
      weight: weight * 0.4,
      console: false,
      identity: iamUser(world, name, { console: false, mfa }),
      sourceIp: (r) => r.pick(r.chance(0.7) ? OFFICE : HOMES),
      userAgent: (r) => r.pick(CLIS),
    },
  ];
  return [
    ...person('admin', 'admin', 3, true),
    ...person('alice', 'developer', 5, true),
    ...person('bob', 'developer', 4, false),
    ...person('carol', 'auditor', 2, true),
    ...person('dave', 'developer', 2, false),
    {
      profile: 'ci',
      weight: 8,
      console: false,
      identity: iamUser(world, 'ci-deploy', { console: false, mfa: false }),
      sourceIp: (r) => r.pick(CI),
      userAgent: (r) => r.pick(SDKS),
    },
    {
      profile: 'developer',
      weight: 4,
      console: false,
      identity: assumedRole(world, 'DevOpsRole', 'alice'),
      sourceIp: (r) => r.pick(OFFICE),
      userAgent: (r) => r.pick(CLIS),
    },
    {
      profile: 'admin',
      weight: 3,
      console: true,
      identity: assumedRole(world, 'AWSReservedSSO_AdministratorAccess_5b2f0a3c8d1e4f67', 'jane@example.com', { path: '/aws-reserved/sso.amazonaws.com/' }),
      sourceIp: (r) => r.pick(HOMES),
      userAgent: (r) => r.pick(BROWSERS),
    },
    {
      profile: 'app',
      weight: 14,
      console: false,
      identity: assumedRole(world, 'order-processor-role', 'order-processor'),
      sourceIp: (r) => `3.208.${r.int(256)}.${r.int(256)}`,
      userAgent: (r) => r.pick(SDKS),
    },
    {
      profile: 'app',
      weight: 10,
      console: false,
      identity: assumedRole(world, 'web-server-role', webServerInstance, { ec2RoleDelivery: '2.0' }),
      sourceIp: fixed('10.0.1.25'),
      userAgent: (r) => r.pick(SDKS),
    },
    {
      profile: 'auditor',
      weight: 6,
      console: false,
      identity: assumedRole(world, 'AWSServiceRoleForConfig', 'AWSConfig-Describe', {
        path: '/aws-service-role/config.amazonaws.com/',
        invokedBy: 'config.amazonaws.com',
      }),
      sourceIp: fixed('config.amazonaws.com'),
      userAgent: fixed('config.amazonaws.com'),
    },
    ...['s3.amazonaws.com', 'lambda.amazonaws.com', 'cloudtrail.amazonaws.com', 'monitoring.amazonaws.com'].map(
      (service): Actor => ({
        profile: 'service',
        weight: 5,
        console: false,
        identity: awsService(service),
        sourceIp: fixed(service),
        userAgent: fixed(service),
      }),
    ),
  ];
}
