import type { ServerResponse } from 'node:http';
import { ServiceError } from '../errors.ts';
import type { EndpointRequest } from '../request.ts';
import { parseJsonObject } from './json-body.ts';

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

/**
 * The longest URI label value read (QuickSight's longest label, an ARN, is at most 2048 characters);
 * a floor that holds even without the API models, whose shapes set the real limits.
 */
const MAX_LABEL_CHARACTERS = 2048;

/** Finds the route for a request and builds the operation input from its path, query and body. */
export function parseRestJson(routes: readonly RestRoute[], request: EndpointRequest): { operation: string; input: Record<string, unknown> } {
  const segments = request.path.split('/');
  const matching = routes.flatMap((route) => {
    const labels = matchTemplate(route.uri, segments);
    return labels ? [{ route, labels }] : [];
  });
  const found = matching.find((m) => m.route.method === request.method);
  if (!found) {
    if (matching.length > 0)
      throw new ServiceError(
        'UnknownOperationException',
        `${request.method.slice(0, 20)} is not an operation on ${request.path.slice(0, 200)}; it takes ${matching.map((m) => m.route.method).join(', ')}`,
        405,
      );
    throw new ServiceError('UnknownOperationException', `No operation matches ${request.method.slice(0, 20)} ${request.path.slice(0, 200)}`, 404);
  }
  const { route, labels } = found;
  const input: Record<string, unknown> = parseJsonObject(request.body);
  for (const [member, raw] of Object.entries(labels)) input[member] = convert(decodeLabel(raw, member), route.uriTypes?.[member] ?? 'string', member);
  for (const [member, [name, type]] of Object.entries(route.query ?? {})) {
    const values = request.query.getAll(name);
    if (values.length === 0) continue;
    input[member] = type === 'list' ? values : convert(values[0]!, type, name);
  }
  return { operation: route.operation, input };
}

/** The label values of a path that fits the template (still percent-encoded), or undefined. */
function matchTemplate(uri: string, segments: readonly string[]): Record<string, string> | undefined {
  const template = uri.split('?')[0]!.split('/'); // split gives at least one part
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const segment = segments[i];
    const label = /^\{([A-Za-z0-9]+)\}$/.exec(part)?.[1];
    if (label !== undefined) {
      if (!segment) return undefined;
      params[label] = segment;
    } else if (part !== segment) return undefined;
  }
  return params;
}

/** A URI label's value: percent-decoded as UTF-8, without control characters, of a sane length. */
function decodeLabel(raw: string, member: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new ServiceError(
      'InvalidParameterValueException',
      `${member} in the path is not valid percent-encoded UTF-8: ${JSON.stringify(raw.slice(0, 100))}`,
      400,
    );
  }
  if (value.length > MAX_LABEL_CHARACTERS)
    throw new ServiceError(
      'InvalidParameterValueException',
      `${member} in the path has ${value.length} characters, at most ${MAX_LABEL_CHARACTERS} allowed`,
      400,
    );
  if (/\p{Cc}/u.test(value)) throw new ServiceError('InvalidParameterValueException', `${member} in the path contains control characters`, 400);
  return value;
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
