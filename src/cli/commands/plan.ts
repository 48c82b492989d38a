import { Command } from 'commander';
import { awsContext, planTarget } from '../../aws/plan-target.ts';
import { renderPlanJson, renderPlanText } from '../../plan/index.ts';
import { openSession } from '../../targets/session.ts';
import { printErr, printOut } from '../output.ts';
import { terminalJson } from '../../text/terminal.ts';
import { parseConcurrency } from './publish.ts';

interface PlanFlags {
  target?: string;
  json?: boolean;
  logs?: string;
  concurrency: string;
  prune?: boolean;
}

/** `trailsight plan`: what publishing would create, update or delete, with a readable diff. */
export function register(program: Command): void {
  program
    .command('plan')
    .description('Show what `publish` would create, update or delete on the target, with a readable diff (reads everything: drift shows).')
    .argument('[paths...]', 'spec files or folders (default: dashboards/)')
    .option('--target <name>', 'local, aws, or a target of the Project (default: $TRAILSIGHT_TARGET, else local — even where AWS is configured)')
    .option('--json', 'print {"changes": [...]}: only the resources that would change')
    .option('--logs <dir>', 'local target: your CloudTrail logs (a folder with AWSLogs/…) instead of the sample logs')
    .option('--prune', 'also list trailsight resources of this target that left the specs (deleted by publish --prune)')
    .option('--concurrency <n>', 'resources read at once', '8')
    .action(async (paths: string[], flags: PlanFlags) => {
      const note = (line: string) => printErr(`${line}\n`);
      const { open, resources } = await openSession({ paths, target: flags.target, logs: flags.logs, note });
      try {
        if (!flags.json) note(`plan: target ${open.description}`);
        const plan = await planTarget(awsContext(open.clients, open.target), open.target, resources, {
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
    });
}
