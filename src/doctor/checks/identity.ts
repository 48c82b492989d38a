import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { DoctorContext } from '../context.ts';
import { awsError, fail, pass, type Finding } from '../finding.ts';

const TITLE = 'Credentials, account and Region';

/** Who the credentials are, and whether that is the target's account. */
export async function checkIdentity(ctx: DoctorContext): Promise<Finding> {
  let identity;
  try {
    identity = await ctx.clients.sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    const { code, message } = awsError(error);
    return fail(
      'credentials',
      TITLE,
      `no usable credentials (${code}: ${message})`,
      "configure credentials for the target (AWS_PROFILE, the target's `profile`, or environment variables) and try `aws sts get-caller-identity`",
    );
  }
  if (identity.Account !== ctx.target.account) {
    return fail(
      'credentials',
      TITLE,
      `the credentials are ${identity.Arn ?? '?'} in account ${identity.Account ?? '?'}, but target ${ctx.target.name} is account ${ctx.target.account}`,
      `use credentials of account ${ctx.target.account} (the target's \`profile\`), or fix the target's \`account\``,
    );
  }
  return pass('credentials', TITLE, `${identity.Arn ?? identity.UserId ?? '?'} in account ${identity.Account}, Region ${ctx.target.region}`);
}
