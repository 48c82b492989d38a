import type { ResolvedTarget } from '../compile/index.ts';
import type { SpecSet } from '../spec/index.ts';
import type { AwsClients, Connection } from '../aws/clients.ts';

/** A target ready to publish to: what to compile for, and clients connected to it. */
export interface OpenTarget {
  readonly target: ResolvedTarget;
  /** The specs to compile: for `local`, the Project's source follows the logs being served. */
  readonly specs: SpecSet;
  readonly connection: Connection;
  readonly clients: AwsClients;
  /** One line for people: which target, account, Region, endpoint or logs. */
  readonly description: string;
  /** Set for the local target. */
  readonly local?: { readonly url: string; readonly logsDir: string };
  close(): Promise<void>;
}
