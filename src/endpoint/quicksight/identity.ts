import type { ServiceContext } from '../service.ts';
import { quicksightError } from './errors.ts';
import type { Answer, QuickSightOperations } from './sdk.ts';

/** The one namespace, and the one user in it, of the endpoint's QuickSight account. */
export const LOCAL_NAMESPACE = 'default';
export const LOCAL_USER = 'trailsight';

function notFound(what: string, context: ServiceContext): never {
  throw quicksightError('ResourceNotFoundException', `${what} not found in account ${context.settings.account}.`);
}

/**
 * Who is there in the endpoint's QuickSight: an Enterprise subscription, the `default` namespace
 * and its one user, `trailsight` (the local target shares everything with it). What
 * `trailsight doctor` asks of a real account: is QuickSight subscribed, does every principal exist.
 */
export const identityOperations = {
  DescribeAccountSubscription: (_input, context): Answer<'DescribeAccountSubscription'> => ({
    AccountInfo: {
      AccountName: `trailsight-local-${context.settings.account}`,
      Edition: 'ENTERPRISE',
      AuthenticationType: 'IAM_AND_QUICKSIGHT',
      AccountSubscriptionStatus: 'ACCOUNT_CREATED',
    },
  }),
  DescribeNamespace: (input, context): Answer<'DescribeNamespace'> => {
    if (input.Namespace !== LOCAL_NAMESPACE) notFound(`Namespace ${input.Namespace}`, context);
    return {
      Namespace: {
        Name: LOCAL_NAMESPACE,
        Arn: `arn:aws:quicksight:${context.region}:${context.settings.account}:namespace/${LOCAL_NAMESPACE}`,
        CapacityRegion: context.settings.region,
        CreationStatus: 'CREATED',
        IdentityStore: 'QUICKSIGHT',
      },
    };
  },
  DescribeUser: (input, context): Answer<'DescribeUser'> => {
    if (input.Namespace !== LOCAL_NAMESPACE || input.UserName !== LOCAL_USER) notFound(`User ${input.UserName} in namespace ${input.Namespace}`, context);
    return {
      User: {
        Arn: `arn:aws:quicksight:${context.region}:${context.settings.account}:user/${LOCAL_NAMESPACE}/${LOCAL_USER}`,
        UserName: LOCAL_USER,
        Role: 'ADMIN',
        IdentityType: 'QUICKSIGHT',
        Active: true,
        PrincipalId: `trailsight-local-${context.settings.account}`,
      },
    };
  },
  DescribeGroup: (input, context): Answer<'DescribeGroup'> => notFound(`Group ${input.GroupName} in namespace ${input.Namespace}`, context),
} satisfies QuickSightOperations;
