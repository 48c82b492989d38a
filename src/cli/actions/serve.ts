import { existsSync } from 'node:fs';
import { isLoopback, parseErrorRate, parseLatency, parseThrottle, startEndpoint, type EndpointCredentials, type FaultConfig } from '../../endpoint/index.ts';
import { UserError } from '../errors.ts';
import { printErr, printOut, stderrLog } from '../output.ts';
import { terminalText } from '../../text/terminal.ts';

interface ServeFlags {
  port: string;
  host: string;
  hostName: string[];
  accessKeyId?: string;
  secretAccessKey?: string;
  s3Root: string;
  state: string;
  account: string;
  region: string;
  models?: string | false;
  latencyMs?: string;
  throttle?: string;
  errorRate?: string;
  seed?: string;
  creationDelayMs: string;
  queryDelayMs: string;
}

/** `trailsight serve` (declared in ../commands/serve.ts). */
export async function run(flags: ServeFlags): Promise<void> {
  if (!existsSync(flags.s3Root)) {
    printErr(`trailsight serve: --s3-root ${flags.s3Root} does not exist (yet): Athena finds no files under it until it does\n`);
  }
  const endpoint = await startEndpoint({
    port: integer(flags.port, '--port'),
    host: flags.host,
    hostNames: flags.hostName,
    credentials: credentials(flags),
    s3Root: flags.s3Root,
    stateDir: flags.state,
    account: flags.account,
    region: flags.region,
    modelsDir: flags.models === false ? false : flags.models,
    faults: faults(flags),
    creationDelayMs: integer(flags.creationDelayMs, '--creation-delay-ms'),
    queryDelayMs: integer(flags.queryDelayMs, '--query-delay-ms'),
    // Its notes name log files and quote requests: one line each, control characters shown as escapes.
    log: stderrLog('trailsight serve: ', terminalText),
  }).catch((error: Error) => {
    throw new UserError(`cannot start the endpoint: ${error.message}`);
  });
  printOut(`${endpoint.url}\n`);
  printErr(`trailsight serve: listening; point clients at it with AWS_ENDPOINT_URL=${endpoint.url} (Ctrl-C stops)\n`);
  if (endpoint.verifiesSignatures) printErr('trailsight serve: every request must be SigV4-signed with the configured access key\n');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void endpoint.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * The key pair requests must be signed with: the flags, both or neither; for a non-loopback --host
 * without them, the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of the environment. Loopback does
 * not read the environment: a user's own AWS keys there would refuse every local client signing
 * with others.
 */
function credentials(flags: ServeFlags): EndpointCredentials | undefined {
  if (flags.accessKeyId !== undefined || flags.secretAccessKey !== undefined) {
    if (!flags.accessKeyId || !flags.secretAccessKey) throw new UserError('--access-key-id and --secret-access-key go together', 2);
    return { accessKeyId: flags.accessKeyId, secretAccessKey: flags.secretAccessKey };
  }
  if (isLoopback(flags.host)) return undefined;
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = process.env;
  if (accessKeyId && secretAccessKey) return { accessKeyId, secretAccessKey };
  throw new UserError(
    `--host ${flags.host} is reachable from other machines: give the key pair every request must be signed with (--access-key-id and --secret-access-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)`,
    2,
  );
}

function faults(flags: ServeFlags): FaultConfig {
  try {
    return {
      seed: integer(flags.seed ?? '1', '--seed'),
      latencyMs: flags.latencyMs ? parseLatency(flags.latencyMs) : undefined,
      throttle: flags.throttle ? parseThrottle(flags.throttle) : undefined,
      errorRate: flags.errorRate ? parseErrorRate(flags.errorRate) : undefined,
    };
  } catch (error) {
    throw new UserError((error as Error).message, 2);
  }
}

function integer(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new UserError(`${flag}: ${JSON.stringify(text)} is not a whole number`, 2);
  return Number(text);
}
