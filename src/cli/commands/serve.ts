import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { isLoopback, parseErrorRate, parseLatency, parseThrottle, startEndpoint, stderrLog, type EndpointCredentials, type FaultConfig } from '../../endpoint/index.ts';
import { UserError } from '../errors.ts';
import { printErr, printOut } from '../output.ts';
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

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run a local AWS endpoint (QuickSight, Athena, Glue, STS) on loopback; Athena runs on DuckDB over the files under --s3-root.')
    .requiredOption('--s3-root <dir>', 'folder standing for S3: s3://BUCKET/KEY is <dir>/BUCKET/KEY')
    .requiredOption('--state <dir>', 'folder where the endpoint keeps its resources across restarts')
    .option('--port <n>', 'TCP port (0 picks a free one)', '4566')
    .option('--host <address>', 'address to listen on; one that is not loopback needs credentials (every request must then be signed)', '127.0.0.1')
    .option('--host-name <name>', 'another name clients reach the endpoint by (the Host header it accepts, e.g. a container name); repeatable', (name: string, names: string[]) => [...names, name], [])
    .option('--access-key-id <id>', 'verify that every request is SigV4-signed with this key (for a non-loopback --host: default AWS_ACCESS_KEY_ID)')
    .option('--secret-access-key <secret>', "the key's secret (prefer AWS_SECRET_ACCESS_KEY: a flag shows in the process list)")
    .option('--account <id>', 'the 12-digit account every caller belongs to', '000000000000')
    .option('--region <region>', 'region for unsigned requests', 'us-east-1')
    .option('--models <dir>', 'AWS API models (botocore service-2.json files) for request shape validation (default: TRAILSIGHT_AWS_MODELS, else the models trailsight carries)')
    .option('--no-models', 'turn request shape validation off')
    .option('--latency-ms <spec>', 'added latency: 100, or per operation: "CreateDashboard=300,*=50"')
    .option('--throttle <spec>', 'requests a second per operation before ThrottlingException: "CreateDashboard=2/s,*=10/s"')
    .option('--error-rate <spec>', 'share of requests answered with a 5xx: 0.1, or "CreateDashboard=0.5,*=0"')
    .option('--seed <n>', 'seed of the random choice of failing requests', '1')
    .option('--creation-delay-ms <ms>', 'how long QuickSight creations and updates stay in progress', '200')
    .option('--query-delay-ms <ms>', 'how long Athena query executions stay QUEUED before they run', '0')
    .action(async (flags: ServeFlags) => {
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
        log: stderrLog(terminalText),
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
