import type { DesiredResource, ResourceKind } from '../../compile/resource.ts';
import type { ActualResource, DesiredModel, Grant, PermissionChanges } from '../../plan/index.ts';
import type { AwsClients } from '../clients.ts';
import type { WaitPolicy } from '../wait.ts';

/** What every AWS call needs: the clients and where the resources live. */
export interface AwsContext {
  readonly clients: AwsClients;
  readonly account: string;
  readonly region: string;
  readonly wait: WaitPolicy;
}

/** A resource to read: its kind and id, and its compiled request when it is in the specs. */
export interface ResourceRef {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly resource?: DesiredResource;
}

/** What a create or update started: the dashboard version it made, to wait for and publish. */
export interface Started {
  readonly version?: number;
}

/** What a kind's List call says of one resource. */
export interface Summary {
  readonly id: string;
  /** Its LastUpdatedTime, as a stamp (epoch ms). */
  readonly lastUpdated?: string;
  readonly status?: string;
  /** Dashboards: the published version. */
  readonly version?: number;
}

/** What a resource settled at after a create or update (stamped kinds: its LastUpdatedTime, when the wait read it). */
export interface Settled {
  readonly lastUpdated?: string;
}

/**
 * The AWS side of one resource kind. The applier drives these in the same order for every kind;
 * optional members are absent where the kind has no such thing.
 */
export interface KindAdapter {
  /** The one cheap read: the fingerprint and status (Glue: the whole resource, minus tags). */
  readQuick(ctx: AwsContext, desired: DesiredModel): Promise<ActualResource>;
  /** Every property, permission and tag, once QuickSight has finished creating or updating it. */
  readFull(ctx: AwsContext, ref: ResourceRef): Promise<ActualResource>;
  /** Sends the create request; throws the service's "already exists" error if it does. */
  create(ctx: AwsContext, desired: DesiredModel): Promise<Started>;
  update(ctx: AwsContext, desired: DesiredModel): Promise<Started>;
  /** Waits for an asynchronous creation or update; throws ResourceFailedError on `*_FAILED`. */
  waitReady?(ctx: AwsContext, id: string, started: Started): Promise<Settled>;
  /** Stamped kinds: the resource's LastUpdatedTime now, as a stamp (one describe). */
  lastUpdated?(ctx: AwsContext, id: string): Promise<string | undefined>;
  /** QuickSight kinds: every resource of the kind with its LastUpdatedTime (one List call per 100). */
  summaries?(ctx: AwsContext): Promise<Summary[]>;
  /** Whether the create request already carried the fingerprint (synchronous creations). */
  readonly fingerprintOnCreate: boolean;
  /** QuickSight kinds: the permissions alone (one `Describe*Permissions`), normalised; undefined when it does not exist. */
  readPermissions?(ctx: AwsContext, id: string): Promise<Grant[] | undefined>;
  updatePermissions?(ctx: AwsContext, id: string, changes: PermissionChanges): Promise<void>;
  tag?(ctx: AwsContext, ref: ResourceRef, tags: Readonly<Record<string, string>>): Promise<void>;
  untag?(ctx: AwsContext, ref: ResourceRef, keys: readonly string[]): Promise<void>;
  /** Dashboards: make the version the published one. */
  publish?(ctx: AwsContext, id: string, started: Started): Promise<void>;
  remove(ctx: AwsContext, ref: ResourceRef): Promise<void>;
  /** Every resource of the kind in the account (for --prune); Glue and Athena are never pruned. */
  list?(ctx: AwsContext): Promise<string[]>;
}

export type { Grant };
