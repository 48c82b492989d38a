import cliProgress from 'cli-progress';
import { terminalText } from '../text/terminal.ts';
import type { Outcome, ResourceResult } from '../aws/apply.ts';

const MARK: Record<Outcome, string> = { created: '+', updated: '~', deleted: '-', unchanged: '=', failed: '!', skipped: '·' };

function line(result: ResourceResult): string {
  const why = result.outcome === 'skipped' && result.reason ? `  (${terminalText(result.reason)})` : result.outcome === 'failed' ? '  (details below)' : '';
  return `  ${MARK[result.outcome]} ${result.outcome.padEnd(9)} ${result.kind}/${terminalText(result.id)}${why}`;
}

/**
 * Progress while a plan runs: on a terminal, a bar with a line above it for every resource that
 * changed or failed; otherwise (CI logs) one line per finished resource.
 */
export function progressReporter(total: number, stream: NodeJS.WriteStream = process.stderr): { onResult(result: ResourceResult): void; stop(): void } {
  if (!stream.isTTY) {
    return { onResult: (result) => void stream.write(`${line(result)}\n`), stop: () => {} };
  }
  const bars = new cliProgress.MultiBar(
    { stream, format: '  {bar} {value}/{total} resources  {last}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { last: '' });
  return {
    onResult(result) {
      if (result.outcome !== 'unchanged') bars.log(`${line(result)}\n`);
      bar.increment({ last: `${result.kind}/${terminalText(result.id)}` });
    },
    stop: () => bars.stop(),
  };
}
