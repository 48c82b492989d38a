import type { ServerResponse } from 'node:http';
import { ServiceError } from '../errors.ts';
import type { EndpointRequest } from '../request.ts';

export type ParamType = 'string' | 'integer' | 'long' | 'boolean' | 'list';

/** One REST operation: its HTTP method and URI template, and where its non-body members travel. */
export interface RestRoute {
  readonly operation: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The model's `http.requestUri`, e.g. `/accounts/{AwsAccountId}/dashboards/{DashboardId}`. */
  readonly uri: string;
  /** Query-string members: member name → [query parameter name, type]. */
  readonly query?: Readonly<Record<string, readonly [string, ParamType]>>;
  /** URI members that are not strings. */
  readonly uriTypes?: Readonly<Record<string, ParamType>>;
}

/** Finds the route for a request and builds the operation input from its path, query and body. */
export function parseRestJson(routes: readonly RestRoute[], request: EndpointRequest): { operation: string; input: Record<string, unknown> } {
  const segments = request.path.split('/');
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const params = matchTemplate(route.uri, segments);
    if (!params) continue;
    const input: Record<string, unknown> = parseBody(request);
    for (const [member, raw] of Object.entries(params)) input[member] = convert(raw, route.uriTypes?.[member] ?? 'string', member);
    for (const [member, [name, type]] of Object.entries(route.query ?? {})) {
      const values = request.query.getAll(name);
      if (values.length === 0) continue;
      input[member] = type === 'list' ? values : convert(values[0], type, name);
    }
    return { operation: route.operation, input };
  }
  throw new ServiceError('UnknownOperationException', `No operation matches ${request.method} ${request.path}`, 404);
}

function matchTemplate(uri: string, segments: readonly string[]): Record<string, string> | undefined {
  const template = uri.split('?')[0].split('/');
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const label = /^\{([A-Za-z0-9]+)\}$/.exec(template[i]);
    if (label) {
      if (!segments[i]) return undefined;
      params[label[1]] = decodeURIComponent(segments[i]);
    } else if (template[i] !== segments[i]) return undefined;
  }
  return params;
}

function parseBody(request: EndpointRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  try {
    const body = JSON.parse(request.body.toString('utf8'));
    if (typeof body === 'object' && body && !Array.isArray(body)) return body;
  } catch {
    // fall through
  }
  throw new ServiceError('SerializationException', 'The request body is not a JSON object', 400);
}

function convert(raw: string, type: ParamType, name: string): unknown {
  switch (type) {
    case 'integer':
    case 'long': {
      if (!/^-?\d+$/.test(raw)) throw new ServiceError('InvalidParameterValueException', `${name} must be an integer, got ${JSON.stringify(raw)}`, 400);
      return Number(raw);
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new ServiceError('InvalidParameterValueException', `${name} must be true or false`, 400);
      return raw === 'true';
    default:
      return raw;
  }
}

/** Writes an operation's output: its `Status` member is the HTTP status, the rest is the JSON body. */
export function writeRestJson(response: ServerResponse, output: Record<string, unknown>, requestId: string): void {
  const status = typeof output.Status === 'number' ? output.Status : 200;
  const body = JSON.stringify({ ...output, Status: status, RequestId: requestId });
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

export function writeRestJsonError(response: ServerResponse, error: ServiceError, requestId: string): void {
  const body = JSON.stringify({ ...error.fields, Message: error.message, RequestId: requestId });
  response.writeHead(error.status, {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': error.type,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
