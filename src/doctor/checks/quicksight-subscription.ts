import { DescribeAccountSubscriptionCommand, DescribeNamespaceCommand } from '@aws-sdk/client-quicksight';
import type { DoctorContext } from '../context.ts';
import { awsError, fail, pass, type Finding } from '../finding.ts';

const TITLE = 'QuickSight subscription, edition and namespace';

/**
 * QuickSight is subscribed in the account (Enterprise: groups, namespaces and row-level rules need
 * it) and the Project's namespace exists. Without a subscription every QuickSight call fails
 * with ResourceNotFoundException or AccessDeniedException.
 */
export async function checkQuickSightSubscription(ctx: DoctorContext): Promise<Finding> {
  const { account } = ctx.target;
  const namespace = ctx.project.quicksight.namespace ?? 'default';
  let info;
  try {
    info = (await ctx.clients.quicksight.send(new DescribeAccountSubscriptionCommand({ AwsAccountId: account }))).AccountInfo;
  } catch (error) {
    const { code, message } = awsError(error);
    return fail(
      'quicksight-subscription',
      TITLE,
      `QuickSight answered ${code}: ${message}`,
      `subscribe to QuickSight (Enterprise edition) in account ${account}: https://quicksight.aws.amazon.com/sn/start`,
    );
  }
  const status = info?.AccountSubscriptionStatus ?? 'unknown';
  if (!/^(ACCOUNT_CREATED|OK)$/.test(status)) {
    return fail(
      'quicksight-subscription',
      TITLE,
      `the QuickSight subscription is ${status}`,
      'finish or renew the QuickSight subscription in the console (Manage QuickSight → Account settings)',
    );
  }
  if (info?.Edition !== 'ENTERPRISE' && info?.Edition !== 'ENTERPRISE_AND_Q') {
    return fail(
      'quicksight-subscription',
      TITLE,
      `QuickSight is the ${info?.Edition ?? 'unknown'} edition`,
      'upgrade to Enterprise edition: groups, namespaces and shared folders need it',
    );
  }
  try {
    const found = (await ctx.clients.quicksight.send(new DescribeNamespaceCommand({ AwsAccountId: account, Namespace: namespace }))).Namespace;
    if (found?.CreationStatus !== 'CREATED') {
      return fail(
        'quicksight-subscription',
        TITLE,
        `namespace ${namespace} is ${found?.CreationStatus ?? 'in an unknown state'}`,
        'wait for the namespace to be created, or fix quicksight.namespace in the Project',
      );
    }
  } catch (error) {
    const { code, message } = awsError(error);
    return fail(
      'quicksight-subscription',
      TITLE,
      `namespace ${namespace}: ${code}: ${message}`,
      `create namespace ${namespace} (aws quicksight create-namespace) or set quicksight.namespace in the Project to an existing one`,
    );
  }
  return pass('quicksight-subscription', TITLE, `${info.AccountName ?? account}: ${info.Edition}, ${status}; namespace ${namespace}`);
}
