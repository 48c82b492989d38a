import { Command } from 'commander';
import { compile, resolveTarget, TargetError } from '../../compile/index.ts';
import { compileFailure, loadSpecSet } from '../specs.ts';
import { iamPolicy } from '../../aws/iam-policy.ts';
import { ambientTarget } from '../../targets/index.ts';
import { UserError } from '../errors.ts';
import { printJson } from '../output.ts';

interface Flags {
  target?: string;
  account?: string;
  region?: string;
  preview?: boolean;
  readOnly?: boolean;
}

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
    .action(async (paths: string[], flags: Flags) => {
      const specSet = await loadSpecSet(paths);
      const project = specSet.project.spec;
      if (flags.account !== undefined && !/^[0-9]{12}$/.test(flags.account)) throw new UserError(`--account must be 12 digits, not "${flags.account}"`, 2);
      const name = flags.target ?? 'aws';
      let target;
      try {
        if (name === 'aws' && !project.targets?.aws) {
          const region = flags.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
          if (!flags.account || !region) throw new TargetError('target aws: pass --account and --region (or set AWS_REGION), or --target with one of the Project\'s targets');
          target = ambientTarget(project, flags.account, region);
        } else {
          target = resolveTarget(project, { name, account: flags.account, region: flags.region });
        }
        const policy = iamPolicy(project, target, compile(specSet, target), { preview: !!flags.preview, readOnly: !!flags.readOnly });
        printJson(policy);
        process.exitCode = 0;
      } catch (error) {
        throw compileFailure(error);
      }
    });
}
