import { Command } from 'commander';
import { generateSample } from '../../engine/index.ts';
import { UserError } from '../errors.ts';
import { printErr } from '../output.ts';

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
    .description('Write realistic CloudTrail logs (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz) with the nicholas scenario inside.')
    .requiredOption('--out <dir>', 'folder to write the AWSLogs/ tree into')
    .option('--events <n>', 'number of events, scenario included', positiveInteger('--events'), 10_000)
    .option('--days <n>', 'days of logs, ending with --end-day', positiveInteger('--days'), 7)
    .option('--seed <n>', 'seed: the same seed and end day write the same logs', positiveInteger('--seed'), 1)
    .option('--end-day <YYYY-MM-DD>', 'last day of the logs (default: yesterday, UTC, the last full day)')
    .action(async (options: { out: string; events: number; days: number; seed: number; endDay?: string }) => {
      if (options.endDay !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.endDay)) {
        throw new UserError(`--end-day must be YYYY-MM-DD, got ${JSON.stringify(options.endDay)}`, 2);
      }
      const started = Date.now();
      const { files, events } = await generateSample(options);
      printErr(`sample: wrote ${events} events in ${files} files under ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      process.exitCode = 0;
    });
}
