import pLimit from 'p-limit';
import { KIND_ORDER, resourceKey, type ResourceKind } from '../compile/resource.ts';
import { isManaged, settledByFingerprint, TARGET_TAG, type ActualResource, type DesiredModel } from '../plan/index.ts';
import { ADAPTERS, type AwsContext } from './kinds/index.ts';
import { readQuickSightTags } from './kinds/quicksight-common.ts';

/** How many more resources are read at once than written. */
const READ_FAN_OUT = 4;

export interface ReadOptions {
  /**
   * `full`: describe every property, permission and tag (what `plan` and `publish --refresh` do:
   * drift anywhere shows). `quick`: one read per resource — the fingerprint trailsight wrote when
   * it last converged it — and full reads only where that does not match.
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
  const actual = new Map<string, ActualResource>();
  await Promise.all(
    desired.map((d) =>
      limit(async () => {
        const adapter = ADAPTERS[d.model.kind];
        const ref = { kind: d.model.kind, id: d.model.id, resource: d.resource };
        let found = options.depth === 'full' ? await adapter.readFull(ctx, ref) : await adapter.readQuick(ctx, d);
        if (found.exists && found.depth === 'fingerprint' && !settledByFingerprint(d, found)) found = await adapter.readFull(ctx, ref);
        actual.set(resourceKey(d.model), found);
      }),
    ),
  );
  const prune = options.prune ? await findLeftovers(ctx, desired, options, limit) : [];
  return { actual, prune };
}

/** Resources of this target tagged `managed-by: trailsight` that no spec wants any more. */
async function findLeftovers(
  ctx: AwsContext,
  desired: readonly DesiredModel[],
  options: ReadOptions,
  limit: ReturnType<typeof pLimit>,
): Promise<{ kind: ResourceKind; id: string }[]> {
  const wanted = new Set(desired.map((d) => resourceKey(d.model)));
  const found: { kind: ResourceKind; id: string }[] = [];
  for (const kind of KIND_ORDER) {
    const list = ADAPTERS[kind].list;
    if (!list) continue;
    const ids = (await list(ctx)).filter((id) => id.startsWith(options.target.idPrefix) && !wanted.has(resourceKey({ kind, id })));
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
