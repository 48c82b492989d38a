import { Command } from 'commander';
import { compile, CompileError, formatProblem, resolveTarget, TargetError } from '../../compile/index.ts';
import { iamPolicy } from '../../aws/iam-policy.ts';
import { DEFAULT_SPEC_PATHS, formatFinding, loadSpecs, MissingPathError } from '../../spec/index.ts';
import { ambientTarget } from '../../targets/index.ts';
import { UserError } from '../errors.ts';

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
      const loaded = await loadSpecs(paths.length ? paths : DEFAULT_SPEC_PATHS).catch((error: unknown) => {
        if (error instanceof MissingPathError) throw new UserError(error.message, 2);
        throw error;
      });
      if (!loaded.specSet) {
        for (const finding of loaded.findings) process.stderr.write(`${formatFinding(finding)}\n`);
        throw new UserError('the specs have errors (see above); run `trailsight lint` for details');
      }
      const project = loaded.specSet.project.spec;
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
        const policy = iamPolicy(project, target, compile(loaded.specSet, target), { preview: !!flags.preview, readOnly: !!flags.readOnly });
        process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
        process.exitCode = 0;
      } catch (error) {
        if (error instanceof TargetError) throw new UserError(error.message, 2);
        if (error instanceof CompileError) {
          for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          throw new UserError(`${error.problems.length} problem(s): the specs cannot become valid AWS requests`);
        }
        throw error;
      }
    });
}
