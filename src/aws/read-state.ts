import pLimit from 'p-limit';
import { KIND_ORDER, resourceKey, type ResourceKind } from '../compile/resource.ts';
import {
  coveredByDeployment,
  DEPLOYMENT_TAG,
  isManaged,
  KIND_RULES,
  PERMISSIONS_READ_ON_PUBLISH,
  settledByFingerprint,
  TARGET_TAG,
  type ActualResource,
  type DeploymentRecord,
  type DesiredModel,
  type Grant,
  type LifecycleStatus,
} from '../plan/index.ts';
import type { Summary } from './kinds/adapter.ts';
import { ADAPTERS, type AwsContext } from './kinds/index.ts';
import { liveIds, readQuickSightTags } from './kinds/quicksight-common.ts';
import { expectedRecord } from './deployment-record.ts';
import { listKinds, observedOf, type Listings } from './listings.ts';

/** How many more resources are read at once than written. */
const READ_FAN_OUT = 4;

export interface ReadOptions {
  /**
   * `full`: describe every property, permission and tag (what `plan` and `publish --refresh` do:
   * drift anywhere shows). `quick`: the List call of each QuickSight kind (a page per 100
   * resources: every LastUpdatedTime), the data source's tags and the permissions of the kinds in
   * PERMISSIONS_READ_ON_PUBLISH; where its deployment record matches them, no other QuickSight
   * resource is read. Else one read per resource — the fingerprint trailsight wrote when it last
   * converged it — and full reads where that (or the permissions) does not match. Glue and Athena
   * resources are always read in full.
   */
  readonly depth: 'quick' | 'full';
  /** Also find trailsight's resources of this target that left the specs. */
  readonly prune: boolean;
  readonly target: { readonly name: string; readonly idPrefix: string };
  /**
   * Resources read at once. Reads are many, small and paced per operation (see pacer.ts), so they
   * run wider than writes: different operations' throttles then fill in parallel.
   */
  readonly concurrency: number;
}

export interface ActualState {
  readonly actual: ReadonlyMap<string, ActualResource>;
  readonly prune: readonly { kind: ResourceKind; id: string }[];
  /** The target's deployment record as found, and what the List calls showed (absent without a data source). */
  readonly deployment?: DeploymentRecord;
}

/** Reads what exists for the desired resources (and, for --prune, what trailsight left behind). */
export async function readActualState(ctx: AwsContext, desired: readonly DesiredModel[], options: ReadOptions): Promise<ActualState> {
  const limit = pLimit(options.concurrency * READ_FAN_OUT);
  const listings = await listKinds(ctx, listedKinds(desired, options.depth));
  const observed = observedOf(listings);
  const holder = deploymentHolder(desired);
  const firstRead = async (d: DesiredModel): Promise<ActualResource> => {
    const { kind, id } = d.model;
    const listing = listings.get(kind);
    const summary = listing?.get(id);
    if (listing && !summary) return { kind, id, exists: false };
    if (options.depth === 'full') return withSummary(await ADAPTERS[kind].readFull(ctx, { kind, id, resource: d.resource }), summary);
    const [found, permissions] = await Promise.all([ADAPTERS[kind].readQuick(ctx, d), publishPermissions(ctx, d)]);
    return withSummary(withPermissions(found, permissions), summary);
  };
  // Vouched for by the deployment record: only the permissions are read (where publish reads them).
  const vouchedRead = async (d: DesiredModel): Promise<ActualResource> => {
    const { kind, id } = d.model;
    const permissions = await publishPermissions(ctx, d);
    if (permissions === null) return { kind, id, exists: false };
    return { kind, id, exists: true, depth: 'deployment', ...(permissions ? { permissions } : {}) };
  };
  // Quick: the data source's tag read comes first, as it holds the deployment record.
  const holderRead = options.depth === 'quick' && holder ? await firstRead(holder) : undefined;
  const current = holderRead && recordOf(holderRead);
  const vouched = current !== undefined && current === expectedRecord(desired, observed);
  const actual = new Map<string, ActualResource>();
  await Promise.all(
    desired.map((d) =>
      limit(async () => {
        const { kind, id } = d.model;
        const isVouched = vouched && d !== holder && coveredByDeployment(d.resource);
        let found = isVouched ? await vouchedRead(d) : d === holder && holderRead ? holderRead : await firstRead(d);
        if (found.exists && found.depth !== 'full' && !settledByFingerprint(d, found)) {
          found = withSummary(await ADAPTERS[kind].readFull(ctx, { kind, id, resource: d.resource }), listings.get(kind)?.get(id));
        }
        actual.set(resourceKey(d.model), found);
      }),
    ),
  );
  const prune = options.prune ? await findLeftovers(ctx, desired, options, limit, listings) : [];
  if (!holder) return { actual, prune };
  const record = current ?? recordOf(actual.get(resourceKey(holder.model)));
  return { actual, prune, deployment: { holder: { kind: holder.model.kind, id: holder.model.id }, ...(record ? { current: record } : {}), observed } };
}

/**
 * The kinds whose List call is read: those that record a LastUpdatedTime in their fingerprint tag
 * (full reads too: for it); for publish's quick read, dashboards too (the deployment record).
 */
function listedKinds(desired: readonly DesiredModel[], depth: ReadOptions['depth']): ResourceKind[] {
  const wanted = (kind: ResourceKind) => desired.some((d) => d.model.kind === kind);
  return KIND_ORDER.filter((kind) => wanted(kind) && (KIND_RULES[kind].stamped || (depth === 'quick' && kind === 'Dashboard')));
}

/** The resource that holds the deployment record: the target's data source (every target has exactly one). */
function deploymentHolder(desired: readonly DesiredModel[]): DesiredModel | undefined {
  const sources = desired.filter((d) => d.model.kind === 'DataSource');
  return sources.length === 1 ? sources[0] : undefined;
}

function recordOf(found: ActualResource | undefined): string | undefined {
  if (!found?.exists || found.depth === 'deployment') return undefined;
  return (found.depth === 'full' ? found.model.tags : found.tags)?.[DEPLOYMENT_TAG];
}

/**
 * The permissions publish reads of this resource (PERMISSIONS_READ_ON_PUBLISH): undefined where it
 * reads none, null when the resource is gone.
 */
async function publishPermissions(ctx: AwsContext, d: DesiredModel): Promise<readonly Grant[] | undefined | null> {
  const read = ADAPTERS[d.model.kind].readPermissions;
  if (!read || !PERMISSIONS_READ_ON_PUBLISH.has(d.model.kind)) return undefined;
  return (await read(ctx, d.model.id)) ?? null;
}

/** A quick read completed with the permissions read beside it. */
function withPermissions(found: ActualResource, permissions: readonly Grant[] | undefined | null): ActualResource {
  if (!found.exists || found.depth !== 'fingerprint' || !permissions) return found;
  return { ...found, permissions };
}

/** A read completed with what the List call said: the LastUpdatedTime, and the status if the read had none. */
function withSummary(found: ActualResource, summary: Summary | undefined): ActualResource {
  if (!found.exists || found.depth === 'deployment' || !summary) return found;
  const status = found.status ?? (summary.status as LifecycleStatus | undefined);
  return { ...found, ...(summary.lastUpdated ? { lastUpdated: summary.lastUpdated } : {}), ...(status ? { status } : {}) };
}

/** Resources of this target tagged `managed-by: trailsight` that no spec wants any more. */
async function findLeftovers(
  ctx: AwsContext,
  desired: readonly DesiredModel[],
  options: ReadOptions,
  limit: ReturnType<typeof pLimit>,
  listings: Listings,
): Promise<{ kind: ResourceKind; id: string }[]> {
  const wanted = new Set(desired.map((d) => resourceKey(d.model)));
  const found: { kind: ResourceKind; id: string }[] = [];
  for (const kind of KIND_ORDER) {
    const list = ADAPTERS[kind].list;
    if (!list) continue;
    const listed = listings.get(kind);
    const ids = (listed ? liveIds([...listed.values()]) : await list(ctx)).filter((id) => id.startsWith(options.target.idPrefix) && !wanted.has(resourceKey({ kind, id })));
    const owned = await Promise.all(
      ids.map((id) =>
        limit(async () => {
          const tags = await readQuickSightTags(ctx, kind, id);
          return tags && isManaged(tags) && tags[TARGET_TAG] === options.target.name ? id : undefined;
        }),
      ),
    );
    for (const id of owned) if (id) found.push({ kind, id });
  }
  return found;
}
