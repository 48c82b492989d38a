import type { ActionSets } from '../../compile/index.ts';

/** What the console grants on a data source when sharing it as owner or viewer. Viewers are never given it. */
export const DATA_SOURCE_ACTIONS: ActionSets = {
  owner: [
    'quicksight:DeleteDataSource',
    'quicksight:DescribeDataSource',
    'quicksight:DescribeDataSourcePermissions',
    'quicksight:PassDataSource',
    'quicksight:UpdateDataSource',
    'quicksight:UpdateDataSourcePermissions',
  ],
  viewer: ['quicksight:DescribeDataSource', 'quicksight:DescribeDataSourcePermissions', 'quicksight:PassDataSource'],
};
