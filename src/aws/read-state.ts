import pLimit from 'p-limit';
import { KIND_ORDER, resourceKey, type ResourceKind } from '../compile/resource.ts';
import { isManaged, KIND_RULES, settledByFingerprint, TARGET_TAG, type ActualResource, type DesiredModel, type LifecycleStatus } from '../plan/index.ts';
import type { Summary } from './kinds/adapter.ts';
import { ADAPTERS, type AwsContext } from './kinds/index.ts';
import { liveIds, readQuickSightTags } from './kinds/quicksight-common.ts';

/** How many more resources are read at once than written. */
const READ_FAN_OUT = 4;

export interface ReadOptions {
  /**
   * `full`: describe every property, permission and tag (what `plan` and `publish --refresh` do:
   * drift anywhere shows). `quick`: one read per resource — the fingerprint trailsight wrote when
   * it last converged it — plus, for stamped kinds, their List call (a page per 100 resources) for
   * each one's LastUpdatedTime; full reads only where either does not match.
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
}

/** Reads what exists for the desired resources (and, for --prune, what trailsight left behind). */
export async function readActualState(ctx: AwsContext, desired: readonly DesiredModel[], options: ReadOptions): Promise<ActualState> {
  const limit = pLimit(options.concurrency * READ_FAN_OUT);
  const listings = await listStampedKinds(ctx, desired);
  const actual = new Map<string, ActualResource>();
  await Promise.all(
    desired.map((d) =>
      limit(async () => {
        const { kind, id } = d.model;
        const adapter = ADAPTERS[kind];
        const ref = { kind, id, resource: d.resource };
        const listing = listings.get(kind);
        const summary = listing?.get(id);
        if (listing && !summary) return void actual.set(resourceKey(d.model), { kind, id, exists: false });
        let found = withSummary(options.depth === 'full' ? await adapter.readFull(ctx, ref) : await adapter.readQuick(ctx, d), summary);
        if (found.exists && found.depth === 'fingerprint' && !settledByFingerprint(d, found)) found = withSummary(await adapter.readFull(ctx, ref), summary);
        actual.set(resourceKey(d.model), found);
      }),
    ),
  );
  const prune = options.prune ? await findLeftovers(ctx, desired, options, limit, listings) : [];
  return { actual, prune };
}

/**
 * The List call of each stamped kind the specs want (all pages), by kind and id: every resource's
 * LastUpdatedTime, and which exist at all (those not listed are not read further).
 */
async function listStampedKinds(ctx: AwsContext, desired: readonly DesiredModel[]): Promise<Map<ResourceKind, Map<string, Summary>>> {
  const kinds = KIND_ORDER.filter((kind) => KIND_RULES[kind].stamped && ADAPTERS[kind].summaries && desired.some((d) => d.model.kind === kind));
  const listed = await Promise.all(kinds.map(async (kind) => [kind, new Map((await ADAPTERS[kind].summaries!(ctx)).map((s) => [s.id, s]))] as const));
  return new Map(listed);
}

/** A read completed with what the List call said: the LastUpdatedTime, and the status if the read had none. */
function withSummary(found: ActualResource, summary: Summary | undefined): ActualResource {
  if (!found.exists || !summary) return found;
  const status = found.status ?? (summary.status as LifecycleStatus | undefined);
  return { ...found, ...(summary.lastUpdated ? { lastUpdated: summary.lastUpdated } : {}), ...(status ? { status } : {}) };
}

/** Resources of this target tagged `managed-by: trailsight` that no spec wants any more. */
async function findLeftovers(
  ctx: AwsContext,
  desired: readonly DesiredModel[],
  options: ReadOptions,
  limit: ReturnType<typeof pLimit>,
  listings: ReadonlyMap<ResourceKind, ReadonlyMap<string, Summary>>,
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
