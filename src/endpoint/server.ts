import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { readBody } from './admission/body.ts';
import { discardRest } from './admission/discard.ts';
import { admit } from './admission/front-door.ts';
import { Refusal } from './admission/refusal.ts';
import { verifySignature, type EndpointCredentials } from './admission/signature.ts';
import { detectService, type ServiceName } from './detect-service.ts';
import { ServiceError } from './errors.ts';
import type { FaultInjector } from './faults/injector.ts';
import type { Log } from './log.ts';
import { writeJson11Error } from './protocols/json11.ts';
import { PROTOCOL_RULES, type Protocol } from './protocols/rules.ts';
import { readHead, signingScope, type EndpointRequest, type RequestHead } from './request.ts';
import type { EndpointSettings, ServiceHandler } from './service.ts';
import { StateStoreError } from './state/errors.ts';
import type { StateStore } from './state/store.ts';
import type { ShapeValidator } from './validation.ts';

export interface ServerParts {
  readonly services: ReadonlyMap<ServiceName, ServiceHandler>;
  readonly store: StateStore;
  readonly settings: EndpointSettings;
  readonly faults: FaultInjector;
  readonly validator: ShapeValidator;
  /** Never throws (see `safeLog`). */
  readonly log: Log;
  /** The Host header values the endpoint answers (`ownHosts`). */
  readonly hosts: ReadonlySet<string>;
  /** When set, every request must be SigV4-signed with this key. */
  readonly credentials?: EndpointCredentials;
}

/**
 * The HTTP server: admit the request (host, origin, content type, size, signature), find its
 * service and operation, inject faults, validate, run, answer. Every refusal and every failure is
 * answered in the service's AWS error shape; only a real fault of the endpoint is a 5xx.
 */
export function createEndpointServer(parts: ServerParts): Server {
  const server = createServer((req, res) => {
    // A client that goes away mid-body must not raise an unhandled `error` on the request.
    req.on('error', () => undefined);
    handle(parts, req, res).catch((error: unknown) => {
      parts.log(`internal error while answering: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' });
      res.end(JSON.stringify({ __type: 'InternalFailure', Message: 'internal error' }));
    });
  });
  server.on('clientError', answerUnparsable);
  return server;
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let handler: ServiceHandler | undefined;
  let requestId: string = randomUUID();
  try {
    const head = readHead(req);
    requestId = head.requestId;
    const service = detectService(head);
    handler = service && parts.services.get(service);
    const rules = handler ? PROTOCOL_RULES[handler.protocol] : undefined;
    admit(head, parts.hosts, rules);
    if (!handler || !rules) throw unknownService(head);
    const request = { ...head, body: await readBody(req, rules.maxBodyBytes) };
    if (parts.credentials) await verifySignature(request, parts.credentials, parts.settings.now());
    await runOperation(parts, handler, request, res);
  } catch (error) {
    const answer = asServiceError(error, handler, parts.log);
    // Left to itself, Node closes a `Connection: close` request's socket right after the answer, with the
    // body's unread bytes still queued: the kernel then resets the connection and a client still
    // sending sees the reset, not the 413. Kept open, the rest is dropped (bounded) below.
    if (!req.complete) res.setHeader('connection', 'keep-alive');
    if (handler) handler.writeError(res, answer, requestId);
    else writeJson11Error(res, answer, requestId);
    // A refused request's body was not read, or not all of it: drop the rest (bounded), never keep it.
    discardRest(req);
  }
}

/** Parses, injects faults, validates, runs and answers an admitted request. */
async function runOperation(parts: ServerParts, handler: ServiceHandler, request: EndpointRequest, res: ServerResponse): Promise<void> {
  const { operation, input } = handler.parse(request);
  const outcome = await parts.faults.apply(handler.name, operation);
  if (outcome === 'throttle') throw new ServiceError(handler.errors.throttling.type, 'Rate exceeded', handler.errors.throttling.status);
  if (outcome === 'server-error')
    throw new ServiceError(handler.errors.internal, 'An internal failure occurred (injected by trailsight serve --error-rate)', 500);
  parts.validator.check(handler.name, operation, input, handler.errors.invalidInput, handler.errors.describeInvalidInput);
  const caller = signingScope(request);
  const context = {
    store: parts.store,
    settings: parts.settings,
    region: caller?.region ?? parts.settings.region,
    requestId: request.requestId,
    caller,
    log: parts.log,
  };
  const output = await handler.execute(operation, input, context).catch((error: unknown) => {
    throw parts.validator.enabled ? error : unvalidatedInputError(error, handler, operation);
  });
  handler.write(res, operation, output, request.requestId);
}

/** What to answer for an error: refusals in the protocol's names, state-store faults and bugs as the service's internal failure. */
function asServiceError(error: unknown, handler: ServiceHandler | undefined, log: Log): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof Refusal) {
    const protocol: Protocol = handler?.protocol ?? 'json11';
    const { type, status } = PROTOCOL_RULES[protocol].refusals[error.kind];
    return new ServiceError(type, error.message, status);
  }
  const internal = handler?.errors.internal ?? 'InternalFailure';
  if (error instanceof StateStoreError) {
    log(error.message);
    return new ServiceError(internal, error.message, 500);
  }
  log(`internal error in ${handler?.name ?? 'the endpoint'}: ${(error as Error)?.stack ?? String(error)}`);
  return new ServiceError(internal, `Internal failure: ${(error as Error)?.message ?? String(error)}`, 500);
}

/**
 * Without the API models nothing checks a request's shape, so an operation given a string where it
 * needs a list fails inside with a TypeError: that is the request's fault, answered as the
 * service's invalid input (with the models, the same error would be the endpoint's bug: a 500).
 */
function unvalidatedInputError(error: unknown, handler: ServiceHandler, operation: string): unknown {
  if (!(error instanceof TypeError || error instanceof RangeError)) return error;
  return new ServiceError(
    handler.errors.invalidInput,
    `The request does not fit ${operation}'s input (${error.message}); shape validation is off — start the endpoint with the AWS API models (--models) to have every problem named.`,
  );
}

function unknownService(head: RequestHead): ServiceError {
  return new ServiceError(
    'UnknownServiceException',
    `trailsight's endpoint serves QuickSight, Athena, Glue, STS, and CloudTrail and S3 reads; cannot tell which service ${head.method.slice(0, 20)} ${head.path.slice(0, 200)} is for (send X-Amz-Target or a SigV4 Authorization header)`,
  );
}

/** A request Node's HTTP parser rejects (bad request line, headers over 16 KiB): still an AWS-shaped error. */
function answerUnparsable(error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  // The answer to a HEAD has no body, or the client reads it as the start of the next answer.
  const head = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
  const body = head ? '' : JSON.stringify({ __type: 'BadRequestException', Message: `The HTTP request could not be read (${error.code ?? error.message}).` });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\nx-amzn-errortype: BadRequestException\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
