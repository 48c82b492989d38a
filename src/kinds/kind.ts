import type { AwsContext } from '../aws/context.ts';
import type { ActionSets, DesiredBase, ResolvedTarget, Service } from '../compile/index.ts';
import type { CheckedSpecs } from '../language/index.ts';
import type { ActualModel, ComparedParts, DesiredModel, FingerprintPlace, Grant, PermissionChanges } from '../plan/index.ts';

/**
 * One resource kind, whole: its dependencies, identity, compile entry, normalisation, AWS side and
 * IAM actions, typed by the resource it compiles to (`R`). Optional capabilities are small
 * interfaces, present where the kind has the thing (tags, permissions, a List call…).
 */
export interface KindDefinition<R extends DesiredBase> {
  /** Its name in plans and messages (`Dashboard/ec2`); the registry's key. */
  readonly name: R['kind'];
  /** The kinds its resources may depend on: created before it, deleted after it (the order is derived: order.ts). */
  readonly dependsOn: readonly string[];
  /** The ARN of one of its resources. */
  arn(scope: ArnScope, id: string): string;

  /** The specs → its resources: the exact SDK request that creates each. */
  compile(ctx: CompileContext): R[];
  /** What `trailsight compile --out` writes for a resource: its create request, then any that completes it. */
  requests(resource: R): readonly SdkRequest[];

  /** Where trailsight records the fingerprint it converged a resource to. */
  readonly fingerprint: FingerprintPlace;
  /** A compiled resource in the compared model: its properties, permissions and tags, normalised. */
  normalise(resource: R): ComparedParts;

  /** Every property, permission and tag, once a creation or update in progress has ended; undefined when it does not exist. */
  read(ctx: AwsContext, ref: ResourceRef<R>): Promise<ActualModel | undefined>;
  /** Sends the create request; throws the service's "already exists" error if it does. */
  create(ctx: AwsContext, desired: DesiredModel<R>): Promise<Started>;
  update(ctx: AwsContext, desired: DesiredModel<R>): Promise<Started>;
  remove(ctx: AwsContext, ref: ResourceRef<R>): Promise<void>;

  /** What publishing it needs, in IAM's names. */
  readonly iam: IamRules<R>;

  readonly tagging?: Tagging;
  readonly permissions?: Permissioned;
  readonly fingerprintRead?: FingerprintRead;
  readonly settling?: Settling;
  readonly stamping?: Stamping;
  readonly listing?: Listing;
  readonly publishing?: Publishing;
  readonly pruning?: Pruning;
  /** The one resource of the target that carries its deployment record (aws/freshness/deployment-record.ts). */
  readonly holdsDeploymentRecord?: true;
}

/** Where resources live: an account and a Region (a target, an AWS context). */
export interface ArnScope {
  readonly account: string;
  readonly region: string;
}

/** What a kind's compile entry works from: the specs the gate checked (compile is total over them). */
export interface CompileContext {
  readonly specs: CheckedSpecs;
  readonly target: ResolvedTarget;
  /** The tags of a resource compiled from `spec`: the Project's, the target's, then trailsight's own. */
  tagsOf(specId: string, spec: unknown): Record<string, string>;
}

/** One SDK request as `trailsight compile --out` writes it. */
export interface SdkRequest {
  readonly service: Service;
  readonly operation: string;
  readonly input: unknown;
  /** The id its file is named by, where a resource sends several requests of one operation (else the resource's). */
  readonly id?: string;
}

/** A resource to read or delete: its id, and its compiled request when it is in the specs. */
export interface ResourceRef<R> {
  readonly id: string;
  readonly resource?: R;
}

/** What a create or update started: the dashboard version it made, to wait for and publish. */
export interface Started {
  readonly version?: number;
}

/** What a resource settled at after a create or update (stamped kinds: its LastUpdatedTime, when the wait read it). */
export interface Settled {
  readonly lastUpdated?: string;
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

/** What the one cheap read of a resource found: the fingerprint trailsight recorded, and its status. */
export interface FingerprintRecord {
  readonly status?: string;
  readonly fingerprint?: string;
  /** Stamped kinds: the LastUpdatedTime the fingerprint tag recorded. */
  readonly stamp?: string;
  /** Every tag, where the read returned them (the fingerprint tag holding the fingerprint alone). */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface IamRules<R> {
  /** The statement its actions and ARNs go in (kinds that share one are merged, in kind order). */
  readonly statement: string;
  /** Reads, writes, permissions and tags publishing calls on its resources. */
  actions(resources: readonly R[]): readonly string[];
  /** Resources the statement names besides the kind's own ARNs (Glue's catalog). */
  scope?(scope: ArnScope): readonly string[];
}

/** Tags: read, set and removed on a resource. */
export interface Tagging {
  /** Its tags (`aws:` ones dropped), or undefined when it does not exist. */
  read(ctx: AwsContext, id: string): Promise<Record<string, string> | undefined>;
  tag(ctx: AwsContext, id: string, tags: Readonly<Record<string, string>>): Promise<void>;
  untag(ctx: AwsContext, id: string, keys: readonly string[]): Promise<void>;
}

/** QuickSight permissions: who may do what. */
export interface Permissioned {
  /** The actions owners and viewers are granted (what the console grants when sharing). */
  readonly actions: ActionSets;
  /**
   * Whether a plain `publish` reads them (one `Describe*Permissions`) whatever the fingerprint or
   * deployment record say: a grant or revoke made elsewhere moves neither, and these kinds expose
   * the data to people.
   */
  readonly readOnPublish: boolean;
  /** The permissions alone, normalised; undefined when it does not exist. */
  read(ctx: AwsContext, id: string): Promise<Grant[] | undefined>;
  update(ctx: AwsContext, id: string, changes: PermissionChanges): Promise<void>;
}

/** The one cheap read that tells whether a resource is as trailsight left it (where `fingerprint` is not `none`). */
export interface FingerprintRead {
  /** Undefined when it does not exist. */
  read(ctx: AwsContext, id: string): Promise<FingerprintRecord | undefined>;
}

/** Creations and updates that finish later: waited for. */
export interface Settling {
  /** Waits while it is in progress; throws ResourceFailedError on `*_FAILED`. */
  waitReady(ctx: AwsContext, id: string, started: Started): Promise<Settled>;
}

/** Kinds whose fingerprint tag also records the LastUpdatedTime trailsight left them at (a stamp). */
export interface Stamping {
  /** Its LastUpdatedTime now, as a stamp (one describe). */
  lastUpdated(ctx: AwsContext, id: string): Promise<string | undefined>;
}

/** A List call that shows every resource of the kind in the account (a page per 100). */
export interface Listing {
  summaries(ctx: AwsContext): Promise<Summary[]>;
  /** What of a listed resource the deployment record vouches for: its LastUpdatedTime, or its published version. */
  readonly recordedBy: 'lastUpdated' | 'publishedVersion';
}

/** Kinds whose updates make versions: published once ready. */
export interface Publishing {
  publish(ctx: AwsContext, id: string, started: Started): Promise<void>;
}

/**
 * `publish --prune` deletes this kind's resources of the target that left the specs: found with its
 * List call, only where its tags say trailsight made them for this target.
 */
export interface Pruning {
  /** The IAM actions pruning calls: the List call, the tag read, the delete. */
  readonly iam: { readonly list: string; readonly readTags: string; readonly delete: string };
}
