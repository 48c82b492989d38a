import { header, signingScope, type EndpointRequest } from './request.ts';

export type ServiceName = 'quicksight' | 'athena' | 'glue' | 'sts';

const TARGET_PREFIXES: Readonly<Record<string, ServiceName>> = {
  AmazonAthena: 'athena',
  AWSGlue: 'glue',
};

/**
 * Which service a request is for: the JSON target header, else the SigV4 credential scope, else
 * the shape of the request (a form POST is STS, a QuickSight path is QuickSight).
 */
export function detectService(request: EndpointRequest): ServiceName | undefined {
  const target = header(request, 'x-amz-target');
  if (target) return TARGET_PREFIXES[target.split('.')[0]];
  const scope = signingScope(request)?.service;
  if (scope === 'quicksight' || scope === 'athena' || scope === 'glue' || scope === 'sts') return scope;
  if (String(header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return 'sts';
  if (/^\/(accounts|resources)\//.test(request.path)) return 'quicksight';
  return undefined;
}
