import { resolveTarget, TargetError } from '../../compile/index.ts';
import { compile } from '../../kinds/index.ts';
import { targetFailure, loadCheckedSpecs } from '../specs.ts';
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

/** `trailsight iam-policy` (declared in ../commands/iam-policy.ts). */
export async function run(paths: string[], flags: Flags): Promise<void> {
  const checked = await loadCheckedSpecs(paths);
  const project = checked.project.spec;
  if (flags.account !== undefined && !/^[0-9]{12}$/.test(flags.account)) throw new UserError(`--account must be 12 digits, not "${flags.account}"`, 2);
  const name = flags.target ?? 'aws';
  let target;
  try {
    if (name === 'aws' && !project.targets?.aws) {
      const region = flags.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
      if (!flags.account || !region)
        throw new TargetError("target aws: pass --account and --region (or set AWS_REGION), or --target with one of the Project's targets");
      target = ambientTarget(project, flags.account, region);
    } else {
      target = resolveTarget(project, { name, account: flags.account, region: flags.region });
    }
    const policy = iamPolicy(project, target, compile(checked, target), { preview: !!flags.preview, readOnly: !!flags.readOnly });
    printJson(policy);
    process.exitCode = 0;
  } catch (error) {
    throw targetFailure(error);
  }
}
