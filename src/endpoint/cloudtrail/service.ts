import type * as CloudTrail from '@aws-sdk/client-cloudtrail';
import { ServiceError } from '../errors.ts';
import { parseJson11, writeJson11, writeJson11Error } from '../protocols/json11.ts';
import type { OperationsOf } from '../sdk-types.ts';
import { operationOf, type Operations, type ServiceContext, type ServiceHandler } from '../service.ts';
import type { LocalTrail } from './trail.ts';

/** CloudTrail's JSON 1.1 target prefix as the SDK sends it (the Smithy service name). */
export const CLOUDTRAIL_TARGET = 'CloudTrail_20131101';
/** The same, as botocore's model (the AWS CLI) spells it. */
const CLOUDTRAIL_MODEL_TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101';

/**
 * CloudTrail's read calls over the trails the endpoint was started with: enough for
 * `trailsight doctor` to ask what a real account answers (which trail delivers where, whether it
 * logs, what it selects). Trails are described, never created: the endpoint's trails are its
 * embedder's knowledge of the logs it serves.
 */
export function cloudTrailService(trails: readonly LocalTrail[]): ServiceHandler {
  const find = (name: string, context: ServiceContext): LocalTrail => {
    const found = trails.find((t) => t.trail.Name === name || t.trail.TrailARN === name);
    if (!found) throw new ServiceError('TrailNotFoundException', `Unknown trail: ${name.slice(0, 300)} for the user: ${context.settings.account}`);
    return found;
  };
  const unknown = (what: string, trail: LocalTrail): ServiceError =>
    new ServiceError(
      'UnsupportedOperationException',
      `trail ${trail.trail.Name}: ${what} is not known here${trail.unknownBecause ? ` (${trail.unknownBecause})` : ''}`,
    );

  const operations: OperationsOf<typeof CloudTrail> = {
    DescribeTrails: (input) => {
      const names = input.trailNameList ?? [];
      return { trailList: trails.filter((t) => names.length === 0 || names.includes(t.trail.Name) || names.includes(t.trail.TrailARN)).map((t) => t.trail) };
    },
    GetTrail: (input, context) => ({ Trail: find(input.Name, context).trail }),
    GetTrailStatus: (input, context) => find(input.Name, context).status,
    GetEventSelectors: (input, context) => {
      const trail = find(input.TrailName, context);
      if (!trail.eventSelectors) throw unknown('which events it selects', trail);
      return { TrailARN: trail.trail.TrailARN, ...trail.eventSelectors };
    },
    GetInsightSelectors: (input, context) => {
      if (input.TrailName === undefined)
        throw new ServiceError('InvalidParameterCombinationException', 'Specify a TrailName (event data stores are not served here)');
      const trail = find(input.TrailName, context);
      if (!trail.insightSelectors) throw unknown('whether it selects Insights events', trail);
      if (trail.insightSelectors.length === 0)
        throw new ServiceError('InsightNotEnabledException', `Trail ${trail.trail.Name} does not have Insights enabled.`);
      return { TrailARN: trail.trail.TrailARN, InsightSelectors: trail.insightSelectors };
    },
    ListTrails: () => ({ Trails: trails.map((t) => ({ TrailARN: t.trail.TrailARN, Name: t.trail.Name, HomeRegion: t.trail.HomeRegion })) }),
  };
  const table = operations as Operations;
  return {
    name: 'cloudtrail',
    protocol: 'json11',
    errors: { invalidInput: 'InvalidParameterException', throttling: { type: 'ThrottlingException', status: 400 }, internal: 'ServiceUnavailableException' },
    parse: (request) => parseJson11(request, CLOUDTRAIL_TARGET, [CLOUDTRAIL_MODEL_TARGET]),
    async execute(operation, input, context) {
      const run = operationOf(table, operation);
      if (!run)
        throw new ServiceError('UnsupportedOperationException', `trailsight's endpoint answers CloudTrail's read calls about its trails, not ${operation}.`);
      return run(input as never, context); // checked against AWS's model of the operation (server.ts)
    },
    write: (response, _operation, output, requestId) => writeJson11(response, output, requestId),
    writeError: writeJson11Error,
  };
}
