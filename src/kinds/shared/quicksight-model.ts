import { normalisePermissions, normaliseTags, type ComparedParts } from '../../plan/index.ts';
import { comparedProperties, MANAGED } from './managed-fields.ts';

/**
 * A QuickSight create request in the compared model: its properties (without the managed fields
 * and its id member, `idKey`), its permissions and its tags.
 */
export function normaliseQuickSight(input: { readonly Permissions?: unknown; readonly Tags?: unknown }, idKey: string): ComparedParts {
  return {
    properties: comparedProperties(input, MANAGED, [idKey]),
    permissions: normalisePermissions(input.Permissions),
    tags: normaliseTags(input.Tags),
  };
}
