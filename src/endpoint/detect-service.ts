import { header, signingScope, type RequestHead } from './request.ts';

export type ServiceName = 'quicksight' | 'athena' | 'glue' | 'sts';

const TARGET_PREFIXES: Readonly<Record<string, ServiceName>> = {
  AmazonAthena: 'athena',
  AWSGlue: 'glue',
};

const SERVICES: readonly ServiceName[] = ['quicksight', 'athena', 'glue', 'sts'];

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
    const prefix = target.split('.')[0];
    return Object.hasOwn(TARGET_PREFIXES, prefix) ? TARGET_PREFIXES[prefix] : undefined;
  }
  const scope = signingScope(request)?.service;
  if (isServiceName(scope)) return scope;
  if ((header(request, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) return 'sts';
  if (/^\/(accounts|resources)\//.test(request.path)) return 'quicksight';
  return undefined;
}
