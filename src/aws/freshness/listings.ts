import { resourceKey } from '../../compile/index.ts';
import { KIND_ORDER, kindOf, type KindName, type Summary } from '../../kinds/index.ts';
import type { AwsContext } from '../context.ts';

/** What the List calls showed, by kind and id. */
export type Listings = ReadonlyMap<KindName, ReadonlyMap<string, Summary>>;

/** What a kind's List call shows of one resource, as the deployment record sees it. */
export interface Observed {
  /** Its LastUpdatedTime, as a stamp (epoch ms). */
  readonly stamp?: string;
  /** Dashboards: the published version. */
  readonly version?: number;
  readonly status?: string;
}

/** The List call of each of these kinds that has one (all pages, in parallel), by kind and id. */
export async function listKinds(ctx: AwsContext, kinds: readonly KindName[]): Promise<Listings> {
  const listed = await Promise.all(
    KIND_ORDER.filter((name) => kinds.includes(name)).flatMap((name) => {
      const listing = kindOf(name).listing;
      return listing ? [listing.summaries(ctx).then((summaries) => [name, new Map(summaries.map((s) => [s.id, s]))] as const)] : [];
    }),
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
