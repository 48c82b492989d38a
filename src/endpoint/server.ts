import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { detectService, type ServiceName } from './detect-service.ts';
import { ServiceError } from './errors.ts';
import type { FaultInjector } from './faults/injector.ts';
import { signingScope, type EndpointRequest } from './request.ts';
import type { EndpointSettings, ServiceHandler } from './service.ts';
import type { StateStore } from './state/store.ts';
import type { ShapeValidator } from './validation.ts';

export interface ServerParts {
  readonly services: ReadonlyMap<ServiceName, ServiceHandler>;
  readonly store: StateStore;
  readonly settings: EndpointSettings;
  readonly faults: FaultInjector;
  readonly validator: ShapeValidator;
  readonly log: (line: string) => void;
}

/** The HTTP server: read the request, find its service and operation, inject faults, validate, run, answer. */
export function createEndpointServer(parts: ServerParts): Server {
  return createServer((req, res) => {
    handle(parts, req, res).catch((error) => {
      parts.log(`internal error: ${(error as Error)?.stack ?? error}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await readRequest(req);
  const service = detectService(request);
  const handler = service && parts.services.get(service);
  if (!handler) {
    const body = JSON.stringify({ __type: 'UnknownServiceException', Message: `trailsight's endpoint serves QuickSight, Athena, Glue and STS; cannot tell which service ${request.method} ${request.path} is for` });
    res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownServiceException' });
    res.end(body);
    return;
  }
  try {
    const { operation, input } = handler.parse(request);
    const outcome = await parts.faults.apply(handler.name, operation);
    if (outcome === 'throttle') throw new ServiceError(handler.errors.throttling.type, 'Rate exceeded', handler.errors.throttling.status);
    if (outcome === 'server-error') throw new ServiceError(handler.errors.internal, 'An internal failure occurred (injected by trailsight serve --error-rate)', 500);
    parts.validator.check(handler.name, operation, input, handler.errors.invalidInput);
    const caller = signingScope(request);
    const output = await handler.execute(operation, input, {
      store: parts.store,
      settings: parts.settings,
      region: caller?.region ?? parts.settings.region,
      requestId: request.requestId,
      caller,
    });
    handler.write(res, operation, output, request.requestId);
  } catch (error) {
    if (!(error instanceof ServiceError)) {
      parts.log(`internal error in ${handler.name}: ${(error as Error)?.stack ?? error}`);
      error = new ServiceError(handler.errors.internal, `Internal failure: ${(error as Error)?.message ?? error}`, 500);
    }
    handler.writeError(res, error as ServiceError, request.requestId);
  }
}

async function readRequest(req: IncomingMessage): Promise<EndpointRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const rawPath = (req.url ?? '/').split('?')[0];
  return {
    method: req.method ?? 'GET',
    path: rawPath,
    query: url.searchParams,
    headers: req.headers,
    body: Buffer.concat(chunks),
    requestId: randomUUID(),
  };
}
