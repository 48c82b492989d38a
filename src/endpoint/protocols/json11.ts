import type { ServerResponse } from 'node:http';
import { ServiceError } from '../errors.ts';
import { header, type EndpointRequest } from '../request.ts';
import { parseJsonObject } from './json-body.ts';

/**
 * `<Prefix>.<Operation>`: the prefix may itself be dotted (CloudTrail's is
 * `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`); AWS operation names are PascalCase
 * words (so never `__proto__` or `constructor`).
 */
const TARGET = /^([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\.([A-Z][A-Za-z0-9]{0,127})$/;

/** Reads an AWS JSON 1.1 request: a POST with `X-Amz-Target: <prefix>.<Operation>` and a JSON object body. */
export function parseJson11(
  request: EndpointRequest,
  targetPrefix: string,
  otherPrefixes: readonly string[] = [],
): { operation: string; input: Record<string, unknown> } {
  const target = header(request, 'x-amz-target') ?? '';
  const match = TARGET.exec(target);
  if (!match || (match[1] !== targetPrefix && !otherPrefixes.includes(match[1] ?? '')))
    throw new ServiceError('UnknownOperationException', `Expected X-Amz-Target ${targetPrefix}.<Operation>, got ${JSON.stringify(target.slice(0, 100))}`);
  if (request.method !== 'POST')
    throw new ServiceError('UnknownOperationException', `${targetPrefix} operations are POST requests, not ${request.method.slice(0, 20)}`);
  return { operation: match[2]!, input: parseJsonObject(request.body) }; // TARGET's groups take part in every match
}

export function writeJson11(response: ServerResponse, output: unknown, requestId: string): void {
  const body = JSON.stringify(output ?? {});
  response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

export function writeJson11Error(response: ServerResponse, error: ServiceError, requestId: string): void {
  const body = JSON.stringify({ __type: error.type, Message: error.message, ...error.fields });
  response.writeHead(error.status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': error.type,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
