import type { ResolvedTarget } from '../compile/index.ts';
import type { CheckedSpecs } from '../language/index.ts';
import type { AwsClients, Connection } from '../aws/clients.ts';
import type { StorageFailure } from '../files/storage-failure.ts';
import type { BadLogFile } from './bad-logs.ts';

/** A target ready to publish to: what to compile for, and clients connected to it. */
export interface OpenTarget {
  readonly target: ResolvedTarget;
  /** The specs to compile: for `local`, the Project's source follows the logs being served. */
  readonly specs: CheckedSpecs;
  readonly connection: Connection;
  readonly clients: AwsClients;
  /** One line for people: which target, account, Region, endpoint or logs. */
  readonly description: string;
  /** Set for the local target. */
  readonly local?: {
    readonly url: string;
    readonly logsDir: string;
    /** Where the endpoint's notes go (every skipped file is listed there too). */
    readonly logFile: string;
    /** The log files queries found unreadable and skipped, so far. */
    badLogFiles(): readonly BadLogFile[];
    /** Queries that failed, so far, because the query cache could not be written (a full disk). */
    storageFailures(): readonly StorageFailure[];
  };
  close(): Promise<void>;
}
