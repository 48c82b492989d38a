import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight publish` (`npm run publish-dashboards`): converge the target to the specs. */
export function register(program: Command): void {
  program
    .command('publish')
    .description('Converge the target to the specs: create, update (and with --prune delete) in dependency order; a second run changes nothing.')
    .argument('[paths...]', 'spec files or folders (default: dashboards/)')
    .option('--target <name>', 'local, aws, or a target of the Project (default: $TRAILSIGHT_TARGET, else local — even where AWS is configured)')
    .option('--prune', 'delete resources of this target tagged managed-by: trailsight that left the specs')
    .option('--dry-run', 'print the plan and change nothing (same as `trailsight plan`)')
    .option(
      '--refresh',
      "read every resource in full (as `plan` does). Without it, edits made outside trailsight to definitions and properties (data sources, datasets, analyses, the published dashboard version, Glue, the workgroup), to the data source's tags and to the permissions of the data source, datasets and dashboards are restored already (other tags too once anything else changed); --refresh also restores permissions of analyses granted or revoked elsewhere, tags of datasets, analyses and dashboards, and refresh schedules",
    )
    .option('--concurrency <n>', 'resources worked on at once', '8')
    .option('--logs <dir>', 'local target: your CloudTrail logs (a folder with AWSLogs/…) instead of the sample logs')
    .option('--out <dir>', 'local target: where the preview site goes', 'out')
    .action(lazyAction(() => import('../actions/publish.ts')));
}
