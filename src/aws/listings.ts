import { KIND_ORDER, resourceKey, type ResourceKind } from '../compile/resource.ts';
import type { Observed } from '../plan/index.ts';
import type { Summary } from './kinds/adapter.ts';
import { ADAPTERS, type AwsContext } from './kinds/index.ts';

/** What the List calls showed, by kind and id. */
export type Listings = ReadonlyMap<ResourceKind, ReadonlyMap<string, Summary>>;

/** The List call of each of these kinds (all pages, in parallel), by kind and id. */
export async function listKinds(ctx: AwsContext, kinds: readonly ResourceKind[]): Promise<Listings> {
  const listed = await Promise.all(
    KIND_ORDER.filter((kind) => kinds.includes(kind) && ADAPTERS[kind].summaries).map(
      async (kind) => [kind, new Map((await ADAPTERS[kind].summaries!(ctx)).map((s) => [s.id, s]))] as const,
    ),
  );
  return new Map(listed);
}

/** Every listed resource as the deployment record sees it, by `kind/id`. */
export function observedOf(listings: Listings): Map<string, Observed> {
  const out = new Map<string, Observed>();
  for (const [kind, byId] of listings) {
    for (const s of byId.values()) {
      out.set(resourceKey({ kind, id: s.id }), {
        ...(s.lastUpdated ? { stamp: s.lastUpdated } : {}),
        ...(s.version === undefined ? {} : { version: s.version }),
        ...(s.status ? { status: s.status } : {}),
      });
    }
  }
  return out;
}
