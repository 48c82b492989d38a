import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight preview`: dashboards read back through QuickSight and Athena, rendered to a static site. */
export function register(program: Command): void {
  program
    .command('preview')
    .description('Render dashboards to a static HTML site, reading their definitions from QuickSight and their data through Athena.')
    .argument('[paths...]', 'spec files or folders whose dashboards to render (default: dashboards/)')
    .option('--target <name>', 'local, aws, or a target of the Project (default: $TRAILSIGHT_TARGET, else local — even where AWS is configured)')
    .option('--logs <dir>', 'local target: your CloudTrail logs instead of the sample logs')
    .option('--endpoint <url>', 'any QuickSight/Athena endpoint (e.g. a running `trailsight serve`): every dashboard of --account there')
    .option('--account <id>', 'with --endpoint: the AWS account id', '000000000000')
    .option('--region <region>', 'with --endpoint: the Region', 'us-east-1')
    .option('--dashboard <id...>', 'only these dashboard ids')
    .option('--work-group <name>', 'Athena workgroup for data sources that name none')
    .option('--out <dir>', 'where the site goes', 'out')
    .action(lazyAction(() => import('../actions/preview.ts')));
}
