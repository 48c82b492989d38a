import { randomUUID } from 'node:crypto';
import { parseJson11, writeJson11, writeJson11Error } from '../protocols/json11.ts';
import { operationOf, type ServiceHandler } from '../service.ts';
import { EngineHost, type BadLogFile } from './engine-host.ts';
import { invalidRequest } from './errors.ts';
import { LIVE_INSTANCES } from './execution-record.ts';
import type { S3Mount } from './s3-path.ts';
import type { StorageFailure } from '../../files/storage-failure.ts';
import { executionOperations } from './executions.ts';
import { HistorySweeper } from './history.ts';
import { athenaTagOperations } from './tags.ts';
import { workGroupOperations } from './workgroups.ts';

export interface AthenaServiceOptions {
  readonly cacheDir: string;
  readonly s3Root: string;
  /** Bucket prefixes read from folders of the embedding process's choosing (see `S3Mount`). */
  readonly s3Mounts?: readonly S3Mount[];
  readonly log: (line: string) => void;
  readonly onBadLogFile?: (file: BadLogFile) => void;
  readonly onStorageFailure?: (failure: StorageFailure) => void;
}

/** Athena over JSON 1.1: workgroups and query executions, the SQL running on the local DuckDB engine. */
export function athenaService(options: AthenaServiceOptions): ServiceHandler {
  const instance = randomUUID();
  LIVE_INSTANCES.add(instance);
  const host = new EngineHost(options);
  const sweeper = new HistorySweeper();
  const executions = executionOperations(host, instance, sweeper);
  const operations = { ...workGroupOperations, ...executions.operations, ...athenaTagOperations };
  return {
    name: 'athena',
    protocol: 'json11',
    errors: { invalidInput: 'InvalidRequestException', throttling: { type: 'ThrottlingException', status: 400 }, internal: 'InternalServerException' },
    parse: (request) => parseJson11(request, 'AmazonAthena'),
    async execute(operation, input, context) {
      const run = operationOf(operations, operation);
      if (!run) throw invalidRequest(`trailsight's endpoint does not support Athena ${operation}.`);
      return run(input as never, context); // checked against AWS's model of the operation (server.ts)
    },
    // Query history older than 45 days goes when the endpoint starts, as it would have in Athena meanwhile.
    start: ({ store, settings }) => sweeper.sweepAll(store, settings.account, settings.now()),
    write: (response, _operation, output, requestId) => writeJson11(response, output, requestId),
    writeError: writeJson11Error,
    async close() {
      // No run may start, or still be writing, once the engine is closed: it would open another.
      await executions.settle();
      LIVE_INSTANCES.delete(instance);
      await host.close();
    },
  };
}
