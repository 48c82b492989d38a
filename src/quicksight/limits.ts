/**
 * QuickSight's limits for the ids and grid of a definition, as its API model states them (botocore
 * quicksight/2018-04-01/service-2.json). The endpoint checks them on every request through the model
 * itself (src/awsmodel); lint checks the ids trailsight makes up from a spec against them.
 */

/**
 * ShortRestrictiveResourceId, the shape of SheetId, VisualId, FilterId, FilterGroupId,
 * FilterControlId and ParameterControlId: 1 to 512 characters of `[\w\-]`.
 */
export const RESTRICTIVE_ID = { pattern: /^[\w-]+$/, maxLength: 512 } as const;

/**
 * A grid layout is 36 columns wide: GridLayoutElementColumnIndex is 0 to 35 and
 * GridLayoutElementColumnSpan 1 to 36, so an element ends at column 36 at the latest.
 */
export const GRID_COLUMNS = 36;
