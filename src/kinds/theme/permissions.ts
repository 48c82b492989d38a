import type { ActionSets } from '../../compile/index.ts';

/**
 * The groupings UpdateThemePermissions documents for a theme's owner and user. Viewers are given the
 * user's: they open the analysis-only specs, and an analysis is drawn with its theme.
 */
export const THEME_ACTIONS: ActionSets = {
  owner: [
    'quicksight:CreateThemeAlias',
    'quicksight:DeleteTheme',
    'quicksight:DeleteThemeAlias',
    'quicksight:DescribeTheme',
    'quicksight:DescribeThemeAlias',
    'quicksight:DescribeThemePermissions',
    'quicksight:ListThemeAliases',
    'quicksight:ListThemeVersions',
    'quicksight:UpdateTheme',
    'quicksight:UpdateThemeAlias',
    'quicksight:UpdateThemePermissions',
  ],
  viewer: ['quicksight:DescribeTheme', 'quicksight:DescribeThemeAlias', 'quicksight:ListThemeAliases', 'quicksight:ListThemeVersions'],
};
