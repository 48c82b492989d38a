import type { FieldSortOptions, ItemsLimitConfiguration } from '@aws-sdk/client-quicksight';
import type { Measure, SortKey } from '../../language/index.ts';
import { sortOptions } from './labels.ts';

/** Show at most `limit` items, leaving out the "Other" bucket. */
export function itemsLimit(limit: number | undefined): ItemsLimitConfiguration | undefined {
  return limit === undefined ? undefined : { ItemsLimit: limit, OtherCategories: 'EXCLUDE' };
}

/**
 * The sort of a chart's categories: the spec's, or — when only a limit is given — the first measure
 * descending, so a limit keeps the top items.
 */
export function categorySort(
  dataset: string,
  sort: readonly SortKey[] | undefined,
  limit: number | undefined,
  measure: Measure | undefined,
): FieldSortOptions[] | undefined {
  const explicit = sortOptions(dataset, sort);
  if (explicit || limit === undefined || !measure) return explicit;
  return [{ FieldSort: { FieldId: measure.fieldId, Direction: 'DESC' } }];
}
