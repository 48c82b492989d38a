/** The largest page QuickSight's List calls return. */
export const PAGE_SIZE = 100;

/** Follows `NextToken` through every page of a List call. */
export async function allPages<T>(page: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const { items, next } = await page(token);
    out.push(...items);
    token = next;
  } while (token);
  return out;
}

/** Drops the entries a List call returned without an id (QuickSight's ids are optional in its summaries' types). */
export function withId<T, K extends keyof T>(items: readonly T[] | undefined, key: K): (T & { [P in K]: string })[] {
  return (items ?? []).filter((item): item is T & { [P in K]: string } => typeof item[key] === 'string');
}
