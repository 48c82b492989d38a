import type { KindDefinition } from '../kind.ts';
import { normaliseQuickSight } from '../shared/quicksight-model.ts';
import { createRequest } from '../shared/requests.ts';
import {
  createDashboard,
  dashboardFingerprintRead,
  dashboardListing,
  dashboardPermissions,
  dashboardPublishing,
  dashboardSettling,
  dashboardTagging,
  readDashboard,
  removeDashboard,
  updateDashboard,
} from './aws.ts';
import { compileDashboards, type DashboardResource } from './compile.ts';
import { dashboardArn } from './identity.ts';

/** QuickSight dashboards, one per Dashboard spec; each change is a new version, published once ready. */
export const dashboard: KindDefinition<DashboardResource> = {
  name: 'Dashboard',
  dependsOn: ['DataSet', 'Theme'],
  arn: dashboardArn,
  compile: compileDashboards,
  requests: (resource) => [createRequest(resource)],
  fingerprint: 'version',
  normalise: (resource) => normaliseQuickSight(resource.input, 'DashboardId'),
  read: readDashboard,
  create: createDashboard,
  update: updateDashboard,
  remove: removeDashboard,
  tagging: dashboardTagging,
  permissions: dashboardPermissions,
  fingerprintRead: dashboardFingerprintRead,
  settling: dashboardSettling,
  publishing: dashboardPublishing,
  listing: dashboardListing,
  pruning: { iam: { list: 'quicksight:ListDashboards', readTags: 'quicksight:ListTagsForResource', delete: 'quicksight:DeleteDashboard' } },
  iam: {
    statement: 'QuickSightDashboards',
    actions: () => [
      'quicksight:DescribeDashboard',
      'quicksight:DescribeDashboardDefinition',
      'quicksight:CreateDashboard',
      'quicksight:UpdateDashboard',
      'quicksight:DeleteDashboard',
      'quicksight:UpdateDashboardPublishedVersion',
      'quicksight:DescribeDashboardPermissions',
      'quicksight:UpdateDashboardPermissions',
      'quicksight:ListTagsForResource',
      'quicksight:TagResource',
      'quicksight:UntagResource',
    ],
  },
};
