import type { ResourceResult } from '../../aws/apply.ts';
import { ResourceFailedError } from '../../aws/errors.ts';
import { describeFailure } from '../failure-report.ts';
import { CallCounter, observeCalls } from '../../aws/observe.ts';
import { resourceKey } from '../../compile/index.ts';
import { renderPlanText } from '../../plan/index.ts';
import { badLogFilesNote } from '../../targets/bad-logs.ts';
import { storageFailureNote } from '../../targets/storage-note.ts';
import { applySession, openSession, planSession, specLocator } from '../pipeline.ts';
import type { OpenTarget } from '../../targets/index.ts';
import { parseConcurrency } from '../concurrency-flag.ts';
import { printErr, printOut } from '../output.ts';
import { terminalText } from '../../text/terminal.ts';
import { progressReporter } from '../progress.ts';

interface PublishFlags {
  target?: string;
  prune?: boolean;
  dryRun?: boolean;
  refresh?: boolean;
  concurrency: string;
  logs?: string;
  out: string;
}

/** `trailsight publish` (declared in ../commands/publish.ts). */
export async function run(paths: string[], flags: PublishFlags): Promise<void> {
  const concurrency = parseConcurrency(flags.concurrency);
  const note = (line: string) => printErr(`${line}\n`);
  const session = await openSession({ paths, target: flags.target, logs: flags.logs, note });
  const { open, resources } = session;
  try {
    note(`publish: target ${open.description}`);
    const calls = new CallCounter();
    observeCalls(open.clients, calls.listener);
    const started = Date.now();
    const depth = flags.dryRun || flags.refresh ? 'full' : 'quick';
    const planned = await planSession(session, { depth, prune: !!flags.prune, concurrency });
    if (flags.dryRun) {
      printOut(renderPlanText(planned.plan));
      process.exitCode = 0;
      return;
    }
    const progress = progressReporter(planned.plan.operations.length);
    const results = await applySession(session, planned, { concurrency, onResult: progress.onResult });
    progress.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const throttled = calls.throttled ? `, ${calls.throttled} throttled and retried` : '';
    printOut(`${summary(results)} in ${seconds} s (${calls.reads} reads, ${calls.writes} writes${throttled})\n`);
    const failed = results.filter((r) => r.outcome === 'failed');
    if (failed.length) {
      const byKey = new Map(resources.map((r) => [resourceKey(r), r]));
      const locate = specLocator(open.specs);
      for (const result of failed) printErr(`\n${failureText(result, byKey.get(resourceKey(result)), locate)}\n`);
      process.exitCode = 1;
      return;
    }
    process.exitCode = open.local && !(await preview(open, flags.out)) ? 1 : 0;
  } finally {
    await open.close();
  }
}

function summary(results: readonly ResourceResult[]): string {
  const count = (outcome: ResourceResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const parts = [`${count('created')} created`, `${count('updated')} updated`, `${count('unchanged')} unchanged`, `${count('deleted')} deleted`];
  if (count('failed')) parts.push(`${count('failed')} failed`);
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  return `publish: ${parts.join(', ')}`;
}

function failureText(result: ResourceResult, resource: Parameters<typeof describeFailure>[0] | undefined, locate: ReturnType<typeof specLocator>): string {
  const error = result.error;
  if (error instanceof ResourceFailedError && resource) return describeFailure(resource, error, locate);
  const where = resource ? ` (${resource.source.file})` : '';
  const name = (error as Error | undefined)?.name;
  return `${result.kind}/${result.id}${where}: ${name && name !== 'Error' ? `${name}: ` : ''}${(error as Error | undefined)?.message ?? String(error)}`;
}

/**
 * Local target: render the published dashboards and print the index page's path. False when the
 * queries failed for want of storage (every visual would be empty): publish then fails.
 */
async function preview(open: OpenTarget, out: string): Promise<boolean> {
  let renderPreview: typeof import('../../preview/index.ts').renderPreview;
  try {
    ({ renderPreview } = await import('../../preview/index.ts'));
  } catch (error) {
    printErr(`preview: not rendered: the preview module (src/preview/index.ts) could not be loaded: ${(error as Error).message}\n`);
    return true;
  }
  const result = await renderPreview({ quicksight: open.clients.quicksight, athena: open.clients.athena, awsAccountId: open.target.account, out });
  for (const problem of result.problems) printErr(`preview: ${terminalText(problem)}\n`);
  if (open.local) for (const line of badLogFilesNote(open.local.badLogFiles(), open.local.logsDir, open.local.logFile)) printErr(`${line}\n`);
  printOut(`preview: ${result.indexPath}\n`);
  const storage = open.local && storageFailureNote(open.local.storageFailures());
  if (storage) printErr(`${storage}\n`);
  return !storage;
}
