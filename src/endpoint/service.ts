import type { ServerResponse } from 'node:http';
import type { ServiceName } from './detect-service.ts';
import type { ServiceError, ServiceErrorTypes } from './errors.ts';
import type { Protocol } from './protocols/rules.ts';
import type { EndpointRequest, SigningScope } from './request.ts';
import type { StateStore } from './state/store.ts';

/** What every handler may use: the state, who and where the caller is, the endpoint's settings. */
export interface ServiceContext {
  readonly store: StateStore;
  readonly settings: EndpointSettings;
  /** The region the caller signed for, else the endpoint's default region. */
  readonly region: string;
  readonly requestId: string;
  /** The caller's SigV4 credential scope, when the request was signed. */
  readonly caller?: SigningScope;
  /** Where the endpoint's notes go (never throws). */
  readonly log: (line: string) => void;
}

/** The endpoint's resolved settings. */
export interface EndpointSettings {
  /** The account every caller belongs to (12 digits). */
  readonly account: string;
  /** Region used when a request carries no signature. */
  readonly region: string;
  /** `s3://BUCKET/KEY` is the file `<s3Root>/BUCKET/KEY`. */
  readonly s3Root: string;
  readonly stateDir: string;
  /** How long QuickSight's asynchronous creations and updates stay `*_IN_PROGRESS`. */
  readonly creationDelayMs: number;
  /** How long Athena query executions stay QUEUED before they run. */
  readonly queryDelayMs: number;
  /** Where the DuckDB engine keeps its cache. */
  readonly cacheDir: string;
  /** The endpoint's clock (epoch milliseconds): what ages Athena's query history; tests move it. */
  readonly now: () => number;
}

/** One AWS service: how it reads requests, runs operations and writes answers. */
export interface ServiceHandler {
  readonly name: ServiceName;
  /** Its wire protocol: which content types and body sizes it accepts, how refusals are named. */
  readonly protocol: Protocol;
  readonly errors: ServiceErrorTypes;
  parse(request: EndpointRequest): { operation: string; input: Record<string, unknown> };
  execute(operation: string, input: Record<string, unknown>, context: ServiceContext): Promise<unknown>;
  write(response: ServerResponse, operation: string, output: unknown, requestId: string): void;
  writeError(response: ServerResponse, error: ServiceError, requestId: string): void;
  /** Work due when the endpoint starts (before it listens), e.g. expiring old state. */
  start?(environment: { readonly store: StateStore; readonly settings: EndpointSettings }): Promise<void>;
  /** Releases what the service holds (e.g. the query engine). */
  close?(): Promise<void>;
}

/**
 * A table of operation implementations; an unlisted operation is refused as unsupported. Each
 * service types its own by the SDK (sdk-types.ts); here an operation is anything that takes the
 * checked input of its own operation.
 */
export type Operations = Readonly<Record<string, (input: never, context: ServiceContext) => Promise<unknown> | unknown>>;

/** The implementation of an operation the table lists itself (never one of Object.prototype's: `constructor`, `toString`, …). */
export function operationOf(operations: Operations, name: string): Operations[string] | undefined {
  return Object.hasOwn(operations, name) ? operations[name] : undefined;
}
