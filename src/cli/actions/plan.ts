import { awsContext, planTarget } from '../../aws/plan-target.ts';
import { renderPlanJson, renderPlanText } from '../../plan/index.ts';
import { openSession } from '../../targets/session.ts';
import { parseConcurrency } from '../concurrency-flag.ts';
import { printErr, printOut } from '../output.ts';
import { terminalJson } from '../../text/terminal.ts';

interface PlanFlags {
  target?: string;
  json?: boolean;
  logs?: string;
  concurrency: string;
  prune?: boolean;
}

/** `trailsight plan` (declared in ../commands/plan.ts). */
export async function run(paths: string[], flags: PlanFlags): Promise<void> {
  const note = (line: string) => printErr(`${line}\n`);
  const { open, resources } = await openSession({ paths, target: flags.target, logs: flags.logs, note });
  try {
    if (!flags.json) note(`plan: target ${open.description}`);
    const { plan } = await planTarget(awsContext(open.clients, open.target), open.target, resources, {
      depth: 'full',
      prune: !!flags.prune,
      concurrency: parseConcurrency(flags.concurrency),
    });
    if (flags.json) process.stdout.write(terminalJson(renderPlanJson(plan)));
    else printOut(renderPlanText(plan));
    process.exitCode = 0;
  } finally {
    await open.close();
  }
}
