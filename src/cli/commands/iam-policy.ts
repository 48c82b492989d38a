import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight iam-policy`: the least-privilege IAM policy the publishing role needs. Works offline. */
export function register(program: Command): void {
  program
    .command('iam-policy')
    .description('Print the least-privilege IAM policy a role needs to publish the Project to a target (exact resource ARNs; works offline).')
    .argument('[paths...]', 'spec files or folders (default: dashboards/)')
    .option('--target <name>', 'a target of the Project (its account and Region), or aws with --account and --region', 'aws')
    .option('--account <id>', "AWS account id (overrides the target's)")
    .option('--region <region>', "AWS Region (overrides the target's; default AWS_REGION for aws)")
    .option('--preview', 'also allow `trailsight preview --target`: Athena queries, the Glue table, the logs in S3')
    .option('--read-only', 'only what `trailsight plan` needs (for the role pull requests run with)')
    .action(lazyAction(() => import('../actions/iam-policy.ts')));
}
