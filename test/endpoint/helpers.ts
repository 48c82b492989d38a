import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { QuickSightClient } from '@aws-sdk/client-quicksight';
import { STSClient } from '@aws-sdk/client-sts';
import { startEndpoint, type EndpointOptions, type RunningEndpoint } from '../../src/endpoint/index.ts';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';

/** A temporary folder removed by `cleanup`. */
export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `trailsight-${prefix}-`));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** An endpoint on a free port over fresh temporary state and S3 folders (unless given). */
export async function startTestEndpoint(options: Partial<EndpointOptions> = {}): Promise<RunningEndpoint & { dirs: string[] }> {
  const dirs: string[] = [];
  const stateDir = options.stateDir ?? (dirs[dirs.length] = await tempDir('state'));
  const s3Root = options.s3Root ?? (dirs[dirs.length] = await tempDir('s3'));
  try {
    const endpoint = await startEndpoint({ account: ACCOUNT, region: REGION, creationDelayMs: 50, log: () => undefined, ...options, stateDir, s3Root });
    return Object.assign(endpoint, { dirs });
  } catch (error) {
    // An endpoint that refused its options leaves no folders behind.
    for (const dir of dirs) await removeDir(dir);
    throw error;
  }
}

export async function stopTestEndpoint(endpoint: (RunningEndpoint & { dirs: string[] }) | undefined): Promise<void> {
  if (!endpoint) return;
  await endpoint.close();
  for (const dir of endpoint.dirs) await removeDir(dir);
}

/** The key pair `clients` signs with by default. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' } as const;

/** The real SDK v3 clients, pointed at the endpoint. */
export function clients(
  url: string,
  extra: { maxAttempts?: number; credentials?: { accessKeyId: string; secretAccessKey: string }; systemClockOffset?: number } = {},
) {
  const config = { endpoint: url, region: REGION, credentials: TEST_CREDENTIALS, ...extra };
  return {
    quicksight: new QuickSightClient(config),
    athena: new AthenaClient(config),
    glue: new GlueClient(config),
    sts: new STSClient(config),
  };
}

/** Calls `probe` until `done` says yes (or gives up after `timeoutMs`), returning the last answer. */
export async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The error an SDK call fails with (fails the test if it succeeds). */
export async function failure(call: Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { name: string };
  }
  throw new Error('expected the call to fail, it succeeded');
}
