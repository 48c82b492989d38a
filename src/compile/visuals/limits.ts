import type { FieldSortOptions, ItemsLimitConfiguration } from '@aws-sdk/client-quicksight';
import type { Sort } from '../../language/schema/index.ts';
import type { VisualFields } from './visual-fields.ts';

/** Show at most `limit` items, leaving out the "Other" bucket. */
export function itemsLimit(limit: number | undefined): ItemsLimitConfiguration | undefined {
  return limit === undefined ? undefined : { ItemsLimit: limit, OtherCategories: 'EXCLUDE' };
}

/**
 * The sort of a chart's categories: the spec's, or — when only a limit is given — the first measure
 * descending, so a limit keeps the top items.
 */
export function categorySort(fields: VisualFields, sort: Sort | undefined, limit: number | undefined, measureRole: string): FieldSortOptions[] | undefined {
  const explicit = fields.sort(sort);
  if (explicit || limit === undefined) return explicit;
  const measure = fields.placed.find((p) => p.role === measureRole);
  return measure ? [{ FieldSort: { FieldId: measure.fieldId, Direction: 'DESC' } }] : undefined;
}
