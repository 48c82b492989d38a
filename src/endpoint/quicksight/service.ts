import { coralMessage } from '../../awsmodel/index.ts';
import { operationOf, type Operations, type ServiceHandler } from '../service.ts';
import { parseRestJson, writeRestJson, writeRestJsonError } from '../protocols/rest-json.ts';
import { analysisOperations } from './analyses.ts';
import { dashboardOperations } from './dashboards.ts';
import { dataSetOperations } from './data-sets.ts';
import { dataSourceOperations } from './data-sources.ts';
import { quicksightError } from './errors.ts';
import { permissionOperations } from './permissions.ts';
import { refreshScheduleOperations } from './refresh-schedules.ts';
import { QUICKSIGHT_ROUTES } from './routes.ts';
import { tagOperations } from './tags.ts';
import { identityOperations } from './identity.ts';
import { themeOperations } from './themes.ts';
import { folderOperations } from './folders.ts';

const OPERATIONS: Operations = {
  ...dataSourceOperations,
  ...dataSetOperations,
  ...refreshScheduleOperations,
  ...analysisOperations,
  ...dashboardOperations,
  ...themeOperations,
  ...folderOperations,
  ...permissionOperations,
  ...tagOperations,
  ...identityOperations,
};

/** QuickSight over REST-JSON: data sources, data sets, analyses, dashboards, themes, folders, permissions, tags. */
export function quicksightService(): ServiceHandler {
  return {
    name: 'quicksight',
    protocol: 'rest-json',
    errors: {
      // QuickSight refuses a request that breaks its model before looking at it: ValidationException,
      // in Coral's words (src/awsmodel/coral.ts cites the answers this follows).
      invalidInput: 'ValidationException',
      describeInvalidInput: coralMessage,
      throttling: { type: 'ThrottlingException', status: 429 },
      internal: 'InternalFailureException',
    },
    parse: (request) => parseRestJson(QUICKSIGHT_ROUTES, request),
    async execute(operation, input, context) {
      const run = operationOf(OPERATIONS, operation);
      if (!run) throw quicksightError('UnsupportedUserEditionException', `trailsight's endpoint does not support ${operation}.`);
      if (input.AwsAccountId !== undefined && input.AwsAccountId !== context.settings.account)
        throw quicksightError(
          'AccessDeniedException',
          `You are not authorized to access account ${String(input.AwsAccountId)}; this endpoint serves account ${context.settings.account}.`,
        );
      return run(input as never, context); // checked against AWS's model of the operation (server.ts)
    },
    write: (response, _operation, output, requestId) => writeRestJson(response, output as Record<string, unknown>, requestId),
    writeError: writeRestJsonError,
  };
}
