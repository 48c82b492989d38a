import { ServiceError } from '../errors.ts';

/** Pages a list the way QuickSight does: `MaxResults` (default 100) and an opaque `NextToken`. */
export function page<T>(items: readonly T[], input: { MaxResults?: number; NextToken?: string }, defaultSize = 100): { items: T[]; NextToken?: string } {
  let start = 0;
  if (input.NextToken) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    if (!decoded) throw new ServiceError('InvalidNextTokenException', 'The NextToken value is not valid', 400);
    start = Number(decoded[1]);
  }
  const size = input.MaxResults ?? defaultSize;
  const end = start + size;
  return {
    items: items.slice(start, end),
    NextToken: end < items.length ? Buffer.from(`o${end}`).toString('base64url') : undefined,
  };
}
