import type { Command } from 'commander';
import { UserError } from '../errors.ts';
import { lazyAction } from '../lazy-action.ts';

function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`${name} must be a positive integer, got ${JSON.stringify(value)}`, 2);
    return n;
  };
}

/** `trailsight sample --out DIR`: realistic, deterministic CloudTrail logs in the S3 layout. */
export function register(program: Command): void {
  program
    .command('sample')
    .description(
      "Write realistic CloudTrail logs (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz) with the nicholas scenario inside, and its burst's Insights events (CloudTrail-Insight/).",
    )
    .requiredOption('--out <dir>', 'folder to write the AWSLogs/ tree into')
    .option('--events <n>', 'number of events, scenario included', positiveInteger('--events'), 10_000)
    .option('--days <n>', 'days of logs, ending with --end-day', positiveInteger('--days'), 7)
    .option('--seed <n>', 'seed: the same seed and end day write the same logs', positiveInteger('--seed'), 1)
    .option('--end-day <YYYY-MM-DD>', 'last day of the logs (default: yesterday, UTC, the last full day)')
    .action(lazyAction(() => import('../actions/sample.ts')));
}
