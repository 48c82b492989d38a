import { escapeXml } from './xml.ts';
import type { ServerResponse } from 'node:http';
import { ServiceError } from '../errors.ts';
import type { EndpointRequest } from '../request.ts';

/** Reads an AWS Query request (form-encoded `Action=...&Version=...`, in the body or the query string). */
export function parseQuery(request: EndpointRequest): { operation: string; input: Record<string, string> } {
  const form = new URLSearchParams(request.method === 'POST' ? request.body.toString('utf8') : request.query.toString());
  const operation = form.get('Action');
  if (!operation) throw new ServiceError('MissingAction', 'The request must contain the parameter Action');
  const input: Record<string, string> = {};
  for (const [key, value] of form) if (key !== 'Action' && key !== 'Version') input[key] = value;
  return { operation, input };
}

/** Writes `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>`. */
export function writeQueryResult(response: ServerResponse, operation: string, namespace: string, result: Record<string, string>, requestId: string): void {
  const fields = Object.entries(result)
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join('');
  const body =
    `<${operation}Response xmlns="${namespace}"><${operation}Result>${fields}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  response.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

export function writeQueryError(response: ServerResponse, error: ServiceError, requestId: string): void {
  const kind = error.status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse><Error><Type>${kind}</Type><Code>${escapeXml(error.type)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  response.writeHead(error.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
