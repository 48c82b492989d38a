import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.ts';

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
    .action(lazyAction(() => import('../actions/plan.ts')));
}
