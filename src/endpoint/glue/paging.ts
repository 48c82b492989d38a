import { ServiceError } from '../errors.ts';

/** Glue's paging: `MaxResults` (default 100) and an opaque `NextToken`. */
export function gluePage<T>(items: readonly T[], input: { MaxResults?: number; NextToken?: string }): { items: T[]; NextToken?: string } {
  let start = 0;
  if (input.NextToken) {
    const decoded = /^g(\d+)$/.exec(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    if (!decoded) throw new ServiceError('InvalidInputException', 'The NextToken is not valid.');
    start = Number(decoded[1]);
  }
  const end = start + (input.MaxResults ?? 100);
  return { items: items.slice(start, end), NextToken: end < items.length ? Buffer.from(`g${end}`).toString('base64url') : undefined };
}
