import { generateSample } from '../../engine/index.ts';
import { UserError } from '../errors.ts';
import { printErr } from '../output.ts';

/** `trailsight sample` (declared in ../commands/sample.ts). */
export async function run(options: { out: string; events: number; days: number; seed: number; endDay?: string }): Promise<void> {
  if (options.endDay !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.endDay)) {
    throw new UserError(`--end-day must be YYYY-MM-DD, got ${JSON.stringify(options.endDay)}`, 2);
  }
  const started = Date.now();
  const { files, events, insights } = await generateSample(options);
  printErr(
    `sample: wrote ${events} events in ${files} files and ${insights.events} Insights events in ${insights.files} files under ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  process.exitCode = 0;
}
