import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight doctor`: why a deployment shows nothing — each check with its finding and the fix. */
export function register(program: Command): void {
  program
    .command('doctor')
    .description(
      "Check what a real deployment needs: credentials and account, QuickSight subscription and principals, the trail (logging, where, which events), recent log files, the Athena workgroup, and QuickSight's service role. Exit 0 when all pass.",
    )
    .argument('[paths...]', 'spec files or folders (default: dashboards/)')
    .option('--target <name>', 'local, aws, or a target of the Project (default: $TRAILSIGHT_TARGET, else local)')
    .option('--json', 'print {"target", "ok", "findings": [{check, title, outcome, finding, fix}]}')
    .option('--logs <dir>', 'local target: your CloudTrail logs (a folder with AWSLogs/…) instead of the sample logs')
    .action(lazyAction(() => import('../actions/doctor.ts')));
}
