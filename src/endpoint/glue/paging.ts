import { ServiceError } from '../errors.ts';
import { pageOf } from '../paging.ts';

/** Glue's paging: `MaxResults` (default 100) and an opaque `NextToken`. */
export function gluePage<T>(items: readonly T[], input: { MaxResults?: number; NextToken?: string }) {
  return pageOf(items, input, { defaultSize: 100, invalidToken: () => new ServiceError('InvalidInputException', 'The NextToken is not valid.') });
}
