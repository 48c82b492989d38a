import type { KindDefinition } from '../kind.ts';
import { fingerprintTagRead } from '../shared/quicksight-tags.ts';
import { normaliseQuickSight } from '../shared/quicksight-model.ts';
import { createRequest } from '../shared/requests.ts';
import { createTheme, readTheme, removeTheme, themeListing, themePermissions, themeSettling, themeStamping, themeTagging, updateTheme } from './aws.ts';
import { compileThemes, type ThemeResource } from './compile.ts';
import { themeArn } from './identity.ts';

/**
 * QuickSight themes, one per Theme spec: the colours, fonts and sheet style of the analyses and
 * dashboards that name them (their ThemeArn), so those depend on it. Its fingerprint is a tag,
 * stamped with its LastUpdatedTime; an update is a new version, which they take at once.
 */
export const theme: KindDefinition<ThemeResource> = {
  name: 'Theme',
  dependsOn: [],
  arn: themeArn,
  compile: compileThemes,
  requests: (resource) => [createRequest(resource)],
  fingerprint: 'tag',
  normalise: (resource) => normaliseQuickSight(resource.input, 'ThemeId'),
  read: readTheme,
  create: createTheme,
  update: updateTheme,
  remove: removeTheme,
  tagging: themeTagging,
  permissions: themePermissions,
  fingerprintRead: fingerprintTagRead(themeTagging),
  settling: themeSettling,
  stamping: themeStamping,
  listing: themeListing,
  pruning: { iam: { list: 'quicksight:ListThemes', readTags: 'quicksight:ListTagsForResource', delete: 'quicksight:DeleteTheme' } },
  iam: {
    statement: 'QuickSightThemes',
    actions: () => [
      'quicksight:DescribeTheme',
      'quicksight:CreateTheme',
      'quicksight:UpdateTheme',
      'quicksight:DeleteTheme',
      'quicksight:DescribeThemePermissions',
      'quicksight:UpdateThemePermissions',
      'quicksight:ListTagsForResource',
      'quicksight:TagResource',
      'quicksight:UntagResource',
    ],
  },
};
