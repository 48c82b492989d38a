import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Refusal } from './admission/refusal.ts';

/** An HTTP request's line and headers: all the endpoint looks at before it reads the body. */
export interface RequestHead {
  readonly method: string;
  /** The raw (still percent-encoded) path, without the query string. */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly requestId: string;
}

/** One HTTP request as the endpoint sees it, body read in full (within the protocol's limit). */
export interface EndpointRequest extends RequestHead {
  readonly body: Buffer;
}

/**
 * The head of a request. Only origin-form targets (`/path?query`) are served: an absolute URL
 * (`http://other.example/…`, which HTTP/1.1 says overrides the Host header) or `*` is refused.
 */
export function readHead(req: IncomingMessage): RequestHead {
  const target = req.url ?? '';
  if (!target.startsWith('/'))
    throw new Refusal('bad-target', `The request target ${JSON.stringify(target.slice(0, 100))} is not a path; send /path?query to this endpoint.`);
  const at = target.indexOf('?');
  const rawQuery = at < 0 ? '' : target.slice(at + 1);
  return {
    method: req.method ?? 'GET',
    path: at < 0 ? target : target.slice(0, at),
    rawQuery,
    // URLSearchParams never throws: a bad percent-encoding in a query value is kept as written.
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
    requestId: randomUUID(),
  };
}

/** The caller's signing scope, read from a SigV4 `Authorization` header (verified only when the endpoint has credentials). */
export interface SigningScope {
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

export function signingScope(request: Pick<RequestHead, 'headers'>): SigningScope | undefined {
  const match = CREDENTIAL.exec(header(request, 'authorization') ?? '');
  // CREDENTIAL's three groups take part in every match.
  return match ? { accessKeyId: match[1]!, region: match[2]!, service: match[3]! } : undefined;
}

export function header(request: Pick<RequestHead, 'headers'>, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
