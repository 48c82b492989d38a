import { pageOf } from '../paging.ts';
import { quicksightError } from './errors.ts';

/** Pages a list the way QuickSight does: `MaxResults` (default 100) and an opaque `NextToken`. */
export function page<T>(items: readonly T[], input: { MaxResults?: number; NextToken?: string }) {
  return pageOf(items, input, { defaultSize: 100, invalidToken: () => quicksightError('InvalidNextTokenException', 'The NextToken value is not valid') });
}
