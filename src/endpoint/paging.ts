import type { ServiceError } from './errors.ts';

/**
 * Pages a list the way AWS list operations do: at most `MaxResults` items (else `defaultSize`),
 * and an opaque `NextToken` while more remain; a token the endpoint did not give is refused.
 */
export function pageOf<T>(
  items: readonly T[],
  input: { MaxResults?: number; NextToken?: string },
  options: { defaultSize: number; invalidToken: () => ServiceError },
): { items: T[]; NextToken?: string } {
  let start = 0;
  if (input.NextToken) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    if (!decoded) throw options.invalidToken();
    start = Number(decoded[1]);
  }
  const end = start + (input.MaxResults ?? options.defaultSize);
  return { items: items.slice(start, end), NextToken: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined };
}

/**
 * The members of an input a resource keeps (those given). A member the input's operation does not
 * have is never there (the model refuses unknown members), as its type says.
 */
export function pickMembers<T extends object, K extends string>(input: T, members: readonly K[]): Pick<T, Extract<K, keyof T>> {
  const given = new Map<string, unknown>(Object.entries(input));
  // Object.fromEntries cannot say which keys it makes: these are the members of `members` the input has.
  return Object.fromEntries(members.filter((k) => given.get(k) !== undefined).map((k) => [k, given.get(k)])) as Pick<T, Extract<K, keyof T>>;
}
