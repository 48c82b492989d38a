import type { AwsClients, ReadClients } from './clients.ts';
import { isThrottling } from './pacer.ts';

/** One HTTP request an SDK client sent (every attempt, retries included). */
export interface ObservedCall {
  /** `quicksight`, `athena`, `glue`, `sts`, `cloudtrail`, `s3` or `iam`. */
  readonly service: string;
  readonly operation: string;
  /** The command input, as the SDK serialised it. */
  readonly input: unknown;
  /** `throttled`: refused with a throttling error (and retried); `error`: any other error. */
  readonly outcome: 'ok' | 'throttled' | 'error';
}

const SERVICE_OF_CLIENT: Record<string, string> = {
  QuickSightClient: 'quicksight',
  AthenaClient: 'athena',
  GlueClient: 'glue',
  STSClient: 'sts',
  CloudTrailClient: 'cloudtrail',
  S3Client: 's3',
  IAMClient: 'iam',
};

/**
 * Calls `listener` for every request the clients put on the wire, retries included: a middleware
 * in the deserialize step, which the SDK runs once per attempt, below its retry loop.
 */
export function observeCalls(clients: AwsClients | ReadClients, listener: (call: ObservedCall) => void): void {
  type Next = (args: { input: unknown }) => Promise<unknown>;
  const middleware = (next: Next, context: { clientName?: string; commandName?: string }) => async (args: { input: unknown }) => {
    const service = SERVICE_OF_CLIENT[String(context.clientName)] ?? String(context.clientName);
    const call = { service, operation: String(context.commandName).replace(/Command$/, ''), input: args.input };
    try {
      const result = await next(args);
      listener({ ...call, outcome: 'ok' });
      return result;
    } catch (error) {
      listener({ ...call, outcome: isThrottling(error) ? 'throttled' : 'error' });
      throw error;
    }
  };
  for (const client of Object.values(clients)) {
    const stack = client.middlewareStack as unknown as { add(middleware: unknown, options: object): void };
    // High priority, added after the pacer: runs once the call is paced, around the deserializer (so it sees the service's errors).
    stack.add(middleware, { step: 'deserialize', priority: 'high', name: `trailsightObserveCalls${observers++}` });
  }
}

let observers = 0;

/** Describe, Get, List and Search calls read; everything else writes. */
export function isReadOperation(operation: string): boolean {
  return /^(Describe|Get|List|Search)/.test(operation);
}

/** Counts of calls, for summaries and benchmarks: reads and writes the service answered, and throttled attempts. */
export class CallCounter {
  reads = 0;
  writes = 0;
  throttled = 0;
  /** Attempts by `service:Operation`, throttled ones included… */
  readonly byOperation = new Map<string, number>();
  /** …and the calls the service answered. */
  readonly answeredByOperation = new Map<string, number>();

  readonly listener = (call: ObservedCall): void => {
    if (call.outcome === 'throttled') this.throttled++;
    else if (isReadOperation(call.operation)) this.reads++;
    else this.writes++;
    const key = `${call.service}:${call.operation}`;
    this.byOperation.set(key, (this.byOperation.get(key) ?? 0) + 1);
    if (call.outcome !== 'throttled') this.answeredByOperation.set(key, (this.answeredByOperation.get(key) ?? 0) + 1);
  };
}
