import { AthenaClient } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { QuickSightClient } from '@aws-sdk/client-quicksight';
import { STSClient } from '@aws-sdk/client-sts';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { Pacers } from './pacer.ts';
import { DEFAULT_RETRY, retryStrategy, type RetryPolicy } from './retry.ts';

/** Where and as whom to call AWS. */
export interface Connection {
  readonly region: string;
  /** A named profile of the shared config files; otherwise the standard credential chain. */
  readonly profile?: string;
  /**
   * One URL for every service (the local endpoint), called with static dummy credentials. Unset
   * for AWS: the SDK then honours `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` itself.
   */
  readonly endpoint?: string;
}

export interface AwsClients {
  readonly quicksight: QuickSightClient;
  readonly athena: AthenaClient;
  readonly glue: GlueClient;
  readonly sts: STSClient;
}

// trailsight supports Node 20 (package.json engines); the SDK's notice about its own future Node 22
// requirement is not for trailsight's users. Set before any client exists: the SDK's own switch.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const LOCAL_CREDENTIALS = { accessKeyId: 'trailsight-local', secretAccessKey: 'trailsight-local' } as const;

/** What every client of a connection is built with: its Region, profile or local endpoint, and the retry policy. */
function clientConfig(connection: Connection, retry: RetryPolicy) {
  return {
    region: connection.region,
    maxAttempts: retry.maxAttempts,
    retryStrategy: retryStrategy(retry),
    ...(connection.profile ? { profile: connection.profile } : {}),
    ...(connection.endpoint ? { endpoint: connection.endpoint, credentials: LOCAL_CREDENTIALS } : {}),
  };
}

/** SDK v3 clients for a connection: one retry policy, and calls paced per operation to what the service accepts. */
export function createClients(connection: Connection, retry: RetryPolicy = DEFAULT_RETRY): AwsClients {
  const config = clientConfig(connection, retry);
  const clients = {
    quicksight: new QuickSightClient(config),
    athena: new AthenaClient(config),
    glue: new GlueClient(config),
    sts: new STSClient(config),
  };
  const pacers = new Pacers();
  for (const client of Object.values(clients)) {
    const stack = client.middlewareStack as unknown as { add(middleware: unknown, options: object): void };
    stack.add(pacers.middleware(), { step: 'deserialize', priority: 'high', name: 'trailsightPacer' });
  }
  return clients;
}

/** The clients only `trailsight doctor` needs: CloudTrail, S3 and IAM, read calls only. */
export interface ReadClients {
  readonly cloudtrail: CloudTrailClient;
  readonly s3: S3Client;
  readonly iam: IAMClient;
}

/** CloudTrail, S3 and IAM clients for a connection (S3 path-style on the local endpoint: `http://127.0.0.1:PORT/<bucket>`). */
export function createReadClients(connection: Connection, retry: RetryPolicy = DEFAULT_RETRY): ReadClients {
  const config = clientConfig(connection, retry);
  return {
    cloudtrail: new CloudTrailClient(config),
    s3: new S3Client({ ...config, ...(connection.endpoint ? { forcePathStyle: true } : {}) }),
    // IAM is global: its one endpoint signs for us-east-1 whatever the target's Region.
    iam: new IAMClient({ ...config, region: connection.endpoint ? connection.region : 'us-east-1' }),
  };
}

export function destroyClients(clients: AwsClients | ReadClients): void {
  for (const client of Object.values(clients)) client.destroy();
}
