import type pLimit from 'p-limit';
import { resourceKey } from '../../compile/index.ts';
import { KIND_ORDER, kindOf, type DesiredResource, type KindName } from '../../kinds/index.ts';
import { isManaged, TARGET_TAG, type DesiredModel } from '../../plan/index.ts';
import { ownValue } from '../../text/keyed-record.ts';
import type { AwsContext } from '../context.ts';
import type { Listings } from './listings.ts';

/**
 * Resources of this target tagged `managed-by: trailsight` that no spec wants any more, of the kinds
 * that are pruned, in deletion order: by kind, dependents first (the reverse of the kind order), then by id.
 */
export async function findLeftovers(
  ctx: AwsContext,
  desired: readonly DesiredModel<DesiredResource>[],
  target: { readonly name: string; readonly idPrefix: string },
  limit: ReturnType<typeof pLimit>,
  listings: Listings,
): Promise<{ kind: KindName; id: string }[]> {
  const wanted = new Set(desired.map((d) => resourceKey(d.resource)));
  const found: { kind: KindName; id: string }[] = [];
  for (const name of KIND_ORDER) {
    const kind = kindOf(name);
    const { listing, tagging } = kind;
    if (!kind.pruning || !listing || !tagging) continue;
    const listed = listings.get(name) ?? new Map((await listing.summaries(ctx)).map((s) => [s.id, s]));
    const ids = [...listed.values()]
      .filter((s) => s.status !== 'DELETED')
      .map((s) => s.id)
      .filter((id) => id.startsWith(target.idPrefix) && !wanted.has(resourceKey({ kind: name, id })));
    const owned = await Promise.all(
      ids.map((id) =>
        limit(async () => {
          const tags = await tagging.read(ctx, id);
          return tags && isManaged(tags) && ownValue(tags, TARGET_TAG) === target.name ? id : undefined;
        }),
      ),
    );
    for (const id of owned) if (id) found.push({ kind: name, id });
  }
  const rank = (kind: KindName) => KIND_ORDER.indexOf(kind);
  return found.sort((a, b) => rank(b.kind) - rank(a.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
