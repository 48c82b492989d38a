import { header, signingScope, type RequestHead } from './request.ts';

export type ServiceName = 'quicksight' | 'athena' | 'glue' | 'sts' | 'cloudtrail' | 's3';

const TARGET_PREFIXES: Readonly<Record<string, ServiceName>> = {
  AmazonAthena: 'athena',
  AWSGlue: 'glue',
  // The SDK sends the Smithy service name; botocore's model (the AWS CLI) the dotted targetPrefix.
  CloudTrail_20131101: 'cloudtrail',
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101': 'cloudtrail',
};

const SERVICES: readonly ServiceName[] = ['quicksight', 'athena', 'glue', 'sts', 'cloudtrail', 's3'];

function isServiceName(name: string | undefined): name is ServiceName {
  return SERVICES.some((service) => service === name);
}

/**
 * Which service a request is for, from its head alone (so refusals are in the service's error
 * shape before the body is read): the JSON target header, else the SigV4 credential scope, else
 * the shape of the request (a form POST is STS, a QuickSight path is QuickSight).
 */
export function detectService(request: RequestHead): ServiceName | undefined {
  const target = header(request, 'x-amz-target');
  if (target) {
    // The known prefix the target starts with (CloudTrail's own is dotted): `AmazonAthena.X.extra` is
    // still Athena's, which then refuses the operation.
    const prefix = Object.keys(TARGET_PREFIXES).find((known) => target.startsWith(`${known}.`));
    return prefix === undefined ? undefined : TARGET_PREFIXES[prefix];
  }
  const scope = signingScope(request)?.service;
  if (isServiceName(scope)) return scope;
  if ((header(request, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) return 'sts';
  if (/^\/(accounts?|resources)\//.test(request.path)) return 'quicksight';
  return undefined;
}
