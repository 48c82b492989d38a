import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight serve`: the local AWS endpoint, for any AWS client. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Run a local AWS endpoint (QuickSight, Athena, Glue, STS) on loopback; Athena runs on DuckDB over the files under --s3-root.')
    .requiredOption('--s3-root <dir>', 'folder standing for S3: s3://BUCKET/KEY is <dir>/BUCKET/KEY')
    .requiredOption('--state <dir>', 'folder where the endpoint keeps its resources across restarts')
    .option('--port <n>', 'TCP port (0 picks a free one)', '4566')
    .option('--host <address>', 'address to listen on; one that is not loopback needs credentials (every request must then be signed)', '127.0.0.1')
    .option(
      '--host-name <name>',
      'another name clients reach the endpoint by (the Host header it accepts, e.g. a container name); repeatable',
      (name: string, names: string[]) => [...names, name],
      [],
    )
    .option('--access-key-id <id>', 'verify that every request is SigV4-signed with this key (for a non-loopback --host: default AWS_ACCESS_KEY_ID)')
    .option('--secret-access-key <secret>', "the key's secret (prefer AWS_SECRET_ACCESS_KEY: a flag shows in the process list)")
    .option('--account <id>', 'the 12-digit account every caller belongs to', '000000000000')
    .option('--region <region>', 'region for unsigned requests', 'us-east-1')
    .option(
      '--models <dir>',
      'AWS API models (botocore service-2.json files) for request shape validation (default: TRAILSIGHT_AWS_MODELS, else the models trailsight carries)',
    )
    .option('--no-models', 'turn request shape validation off')
    .option('--latency-ms <spec>', 'added latency: 100, or per operation: "CreateDashboard=300,*=50"')
    .option('--throttle <spec>', 'requests a second per operation before ThrottlingException: "CreateDashboard=2/s,*=10/s"')
    .option('--error-rate <spec>', 'share of requests answered with a 5xx: 0.1, or "CreateDashboard=0.5,*=0"')
    .option('--seed <n>', 'seed of the random choice of failing requests', '1')
    .option('--creation-delay-ms <ms>', 'how long QuickSight creations and updates stay in progress', '200')
    .option('--query-delay-ms <ms>', 'how long Athena query executions stay QUEUED before they run', '0')
    .action(lazyAction(() => import('../actions/serve.ts')));
}
