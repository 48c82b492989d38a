import { renderPlanJson, renderPlanText } from '../../plan/index.ts';
import { openSession, planSession } from '../pipeline.ts';
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
  const session = await openSession({ paths, target: flags.target, logs: flags.logs, note });
  const { open } = session;
  try {
    if (!flags.json) note(`plan: target ${open.description}`);
    const { plan } = await planSession(session, {
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
