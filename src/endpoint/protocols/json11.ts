import type { ServerResponse } from 'node:http';
import { ServiceError } from '../errors.ts';
import { header, type EndpointRequest } from '../request.ts';

/** Reads an AWS JSON 1.1 request: `X-Amz-Target: <prefix>.<Operation>` and a JSON body. */
export function parseJson11(request: EndpointRequest, targetPrefix: string): { operation: string; input: Record<string, unknown> } {
  const target = header(request, 'x-amz-target') ?? '';
  const [prefix, operation] = target.split('.');
  if (request.method !== 'POST' || prefix !== targetPrefix || !operation)
    throw new ServiceError('UnknownOperationException', `Expected a POST with X-Amz-Target ${targetPrefix}.<Operation>, got ${JSON.stringify(target)}`);
  let input: unknown = {};
  if (request.body.length > 0) {
    try {
      input = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw new ServiceError('SerializationException', 'The request body is not valid JSON');
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ServiceError('SerializationException', 'The request body is not a JSON object');
  return { operation, input: input as Record<string, unknown> };
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
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
