/**
 * The fixed cast of the sample logs: accounts, their resources, and the scenario's names.
 * Everything here is derived from the seed, so the same seed names the same things.
 */
import { Random, seedOf } from './random.ts';

export const DEFAULT_ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
export const DEFAULT_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

/** The classic scenario's constants, exported so tests and docs can name them. */
export const SCENARIO = {
  userName: 'nicholas',
  adminName: 'admin',
  /** Where nicholas signs in from: used by no one else in the logs. */
  sourceIp: '198.51.100.77',
  webServerInstanceId: 'i-0abc123def4567890',
  /** The web server instance's `Name` tag, set by the administrator on the first day. */
  webServerName: 'web-server',
  region: 'us-east-1',
  trailName: 'management-events',
  deniedAction: 'ListUsers',
  bucket: 'customer-data-prod',
  /** What nicholas reads from the bucket after stopping the server (then fails to delete the first). */
  readKeys: ['reports/2026/q3-revenue.csv', 'reports/2026/q4-forecast.xlsx', 'reports/payroll/2026-11.csv', 'reports/customers/top-accounts.csv'],
  /**
   * The burst: minutes 12 to 14 after signing in, from AWS CloudShell (his console session's
   * credentials), nicholas tries to create access keys for other users, 12 times a minute, every try
   * denied. CloudTrail Insights marks it (an unusual rate of calls, and of AccessDenied errors).
   */
  burst: {
    service: 'iam',
    action: 'CreateAccessKey',
    errorCode: 'AccessDenied',
    startMinute: 12,
    minutes: 3,
    perMinute: 12,
    users: ['admin', 'alice', 'ci-deploy', 'bob', 'carol', 'dave'],
    sourceIp: '192.0.2.130',
    userAgent:
      'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.72-96.166.amzn2023.x86_64 exec-env/CloudShell exe/x86_64.amzn.2023 prompt/off command/iam.create-access-key',
  },
} as const;

export interface AccountWorld {
  id: string;
  buckets: string[];
  functions: string[];
  tables: string[];
  secrets: string[];
  parameters: string[];
  /** Instance ids per region. */
  instances: Record<string, string[]>;
  securityGroups: Record<string, string[]>;
  kmsKeys: Record<string, string>;
  /** Stable principal ids (AIDA…/AROA…) per user or role name. */
  principalIds: Map<string, string>;
}

export function buildWorld(seed: number, accounts: readonly string[], regions: readonly string[]): AccountWorld[] {
  return accounts.map((id, index) => {
    const rng = new Random(seed ^ seedOf(id));
    const perRegion = <T>(make: (region: string) => T): Record<string, T> => Object.fromEntries(regions.map((region) => [region, make(region)]));
    const world: AccountWorld = {
      id,
      buckets: [`app-assets-${id}`, `logs-archive-${id}`, `trailsight-cloudtrail-logs-${id}`, ...(index === 0 ? [SCENARIO.bucket] : [`backups-${id}`])],
      functions: ['order-processor', 'image-resizer', 'nightly-report', 'slack-notifier'],
      tables: ['orders', 'sessions', 'inventory'],
      secrets: ['prod/db/password', 'prod/stripe/api-key', 'staging/db/password'],
      parameters: ['/app/prod/feature-flags', '/app/prod/db-host', '/app/staging/db-host'],
      instances: perRegion(() => Array.from({ length: 6 }, () => `i-0${rng.hex(16)}`)),
      securityGroups: perRegion(() => Array.from({ length: 3 }, () => `sg-0${rng.hex(16)}`)),
      kmsKeys: perRegion(() => rng.uuid()),
      principalIds: new Map(),
    };
    const scenarioInstances = world.instances[SCENARIO.region];
    if (index === 0 && scenarioInstances) scenarioInstances[0] = SCENARIO.webServerInstanceId;
    return world;
  });
}

/** A stable principal id for a user (AIDA…) or role (AROA…) of an account. */
export function principalId(world: AccountWorld, prefix: 'AIDA' | 'AROA', name: string): string {
  const key = `${prefix}:${name}`;
  let id = world.principalIds.get(key);
  if (!id) {
    id = prefix + new Random(seedOf(world.id + key)).alnum(17);
    world.principalIds.set(key, id);
  }
  return id;
}
