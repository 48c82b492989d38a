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

/** The members of an input a resource keeps (those given). */
export function pickMembers(input: Record<string, unknown>, members: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(members.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
}
