import type { ActionSets } from '../../compile/index.ts';

/** What the console grants on a dashboard when sharing it as owner or viewer: viewers get the published dashboards. */
export const DASHBOARD_ACTIONS: ActionSets = {
  owner: [
    'quicksight:DeleteDashboard',
    'quicksight:DescribeDashboard',
    'quicksight:DescribeDashboardPermissions',
    'quicksight:ListDashboardVersions',
    'quicksight:QueryDashboard',
    'quicksight:UpdateDashboard',
    'quicksight:UpdateDashboardPermissions',
    'quicksight:UpdateDashboardPublishedVersion',
  ],
  viewer: ['quicksight:DescribeDashboard', 'quicksight:ListDashboardVersions', 'quicksight:QueryDashboard'],
};
