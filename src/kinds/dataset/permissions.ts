import type { ActionSets } from '../../compile/index.ts';

/** What the console grants on a dataset when sharing it as owner or viewer. Viewers are never given it. */
export const DATA_SET_ACTIONS: ActionSets = {
  owner: [
    'quicksight:CancelIngestion',
    'quicksight:CreateIngestion',
    'quicksight:DeleteDataSet',
    'quicksight:DescribeDataSet',
    'quicksight:DescribeDataSetPermissions',
    'quicksight:DescribeIngestion',
    'quicksight:ListIngestions',
    'quicksight:PassDataSet',
    'quicksight:UpdateDataSet',
    'quicksight:UpdateDataSetPermissions',
  ],
  viewer: [
    'quicksight:DescribeDataSet',
    'quicksight:DescribeDataSetPermissions',
    'quicksight:DescribeIngestion',
    'quicksight:ListIngestions',
    'quicksight:PassDataSet',
  ],
};
