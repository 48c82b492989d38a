import type { ActionSets } from '../../compile/index.ts';

/**
 * A shared folder's owner and viewer, as QuickSight's guide to shared folders lists their actions.
 * A folder's viewers see every asset in it, so viewers are granted only folders holding nothing
 * but dashboards and analysis-only specs (compile.ts).
 */
export const FOLDER_ACTIONS: ActionSets = {
  owner: [
    'quicksight:CreateFolder',
    'quicksight:CreateFolderMembership',
    'quicksight:DeleteFolder',
    'quicksight:DeleteFolderMembership',
    'quicksight:DescribeFolder',
    'quicksight:DescribeFolderPermissions',
    'quicksight:UpdateFolder',
    'quicksight:UpdateFolderPermissions',
  ],
  viewer: ['quicksight:DescribeFolder'],
};
