import type { IncomingHttpHeaders } from 'node:http';

/** One HTTP request as the endpoint sees it, body read in full. */
export interface EndpointRequest {
  readonly method: string;
  /** The raw (still percent-encoded) path, without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly requestId: string;
}

/** The caller's signing scope, read from a SigV4 `Authorization` header (never verified). */
export interface SigningScope {
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

export function signingScope(request: Pick<EndpointRequest, 'headers'>): SigningScope | undefined {
  const match = CREDENTIAL.exec(String(request.headers.authorization ?? ''));
  return match ? { accessKeyId: match[1], region: match[2], service: match[3] } : undefined;
}

export function header(request: Pick<EndpointRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
