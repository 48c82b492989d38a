import { DescribeGroupCommand, DescribeNamespaceCommand, DescribeUserCommand } from '@aws-sdk/client-quicksight';
import type { DoctorContext } from '../context.ts';
import { awsError, fail, pass, type Finding } from '../finding.ts';

const TITLE = 'QuickSight principals exist';
const PRINCIPAL = /^arn:[a-z-]+:quicksight:[a-z0-9-]+:(\d{12}):(user|group|namespace)\/(.+)$/;

/**
 * Every owner and viewer the target shares with exists: QuickSight refuses a permission for an
 * unknown principal, and the whole publish of that resource fails.
 */
export async function checkPrincipals(ctx: DoctorContext): Promise<Finding> {
  const arns = [...(ctx.target.principals.owners ?? []), ...(ctx.target.principals.viewers ?? [])];
  if (arns.length === 0) return pass('principals', TITLE, 'the target shares with no principals');
  const missing: string[] = [];
  for (const arn of [...new Set(arns)]) {
    const problem = await describePrincipal(ctx, arn);
    if (problem) missing.push(`${arn} (${problem})`);
  }
  if (missing.length) {
    return fail(
      'principals',
      TITLE,
      `${missing.length} of ${arns.length} principals not found: ${missing.join('; ')}`,
      "create them in QuickSight (register-user, create-group), or fix quicksight.principals / the target's principals in the Project",
    );
  }
  return pass('principals', TITLE, `${arns.length} principal(s) found`);
}

/** Undefined when the principal exists; else why not. */
async function describePrincipal(ctx: DoctorContext, arn: string): Promise<string | undefined> {
  const match = PRINCIPAL.exec(arn);
  if (!match) return 'not a QuickSight user, group or namespace ARN';
  const [, account, kind, rest] = match as unknown as [string, string, string, string];
  if (account !== ctx.target.account) return `in account ${account}, not the target's ${ctx.target.account}`;
  const slash = rest.indexOf('/');
  const namespace = kind === 'namespace' ? rest : rest.slice(0, slash);
  const name = rest.slice(slash + 1);
  try {
    if (kind === 'namespace') await ctx.clients.quicksight.send(new DescribeNamespaceCommand({ AwsAccountId: account, Namespace: namespace }));
    else if (slash < 0) return 'no namespace in the ARN';
    else if (kind === 'user') await ctx.clients.quicksight.send(new DescribeUserCommand({ AwsAccountId: account, Namespace: namespace, UserName: name }));
    else await ctx.clients.quicksight.send(new DescribeGroupCommand({ AwsAccountId: account, Namespace: namespace, GroupName: name }));
    return undefined;
  } catch (error) {
    const { code } = awsError(error);
    return code === 'ResourceNotFoundException' ? 'does not exist' : code;
  }
}
