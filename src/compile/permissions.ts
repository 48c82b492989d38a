import type { ResourcePermission } from '@aws-sdk/client-quicksight';
import type { Principals } from '../language/schema/index.ts';

/** The QuickSight resource types trailsight grants access to. */
export type PermissionResource = 'DataSource' | 'DataSet' | 'Analysis' | 'Dashboard';
export type Role = 'owner' | 'viewer';

/**
 * The action sets QuickSight uses for each resource type and role (what the console grants when
 * sharing as owner or viewer). The one place these lists live.
 */
export const ACTIONS: Readonly<Record<PermissionResource, Readonly<Record<Role, readonly string[]>>>> = {
  DataSource: {
    owner: [
      'quicksight:DeleteDataSource',
      'quicksight:DescribeDataSource',
      'quicksight:DescribeDataSourcePermissions',
      'quicksight:PassDataSource',
      'quicksight:UpdateDataSource',
      'quicksight:UpdateDataSourcePermissions',
    ],
    viewer: ['quicksight:DescribeDataSource', 'quicksight:DescribeDataSourcePermissions', 'quicksight:PassDataSource'],
  },
  DataSet: {
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
  },
  Analysis: {
    owner: [
      'quicksight:DeleteAnalysis',
      'quicksight:DescribeAnalysis',
      'quicksight:DescribeAnalysisPermissions',
      'quicksight:QueryAnalysis',
      'quicksight:RestoreAnalysis',
      'quicksight:UpdateAnalysis',
      'quicksight:UpdateAnalysisPermissions',
    ],
    viewer: ['quicksight:DescribeAnalysis', 'quicksight:DescribeAnalysisPermissions', 'quicksight:QueryAnalysis'],
  },
  Dashboard: {
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
  },
};

/**
 * Who gets what: owners own everything trailsight publishes; viewers see the published dashboards
 * and the analysis-only specs (`kind: Analysis`), never the data source, datasets or the analyses
 * behind dashboards — viewing a dashboard needs none of those.
 */
const VIEWERS_SEE: ReadonlySet<string> = new Set(['Dashboard', 'StandaloneAnalysis']);

/**
 * The `Permissions` of a resource, sorted by principal; `undefined` when nobody is named (QuickSight
 * then leaves the resource to the caller). A principal named as both owner and viewer is an owner.
 */
export function permissionsFor(
  resource: PermissionResource,
  principals: Principals,
  options: { standalone?: boolean } = {},
): ResourcePermission[] | undefined {
  const owners = new Set(principals.owners ?? []);
  const viewerKey = resource === 'Analysis' && options.standalone ? 'StandaloneAnalysis' : resource;
  const viewers = VIEWERS_SEE.has(viewerKey) ? (principals.viewers ?? []).filter((p) => !owners.has(p)) : [];
  const grants: ResourcePermission[] = [
    ...[...owners].map((Principal) => ({ Principal, Actions: [...ACTIONS[resource].owner] })),
    ...[...new Set(viewers)].map((Principal) => ({ Principal, Actions: [...ACTIONS[resource].viewer] })),
  ];
  grants.sort((a, b) => (a.Principal! < b.Principal! ? -1 : a.Principal! > b.Principal! ? 1 : 0));
  return grants.length > 0 ? grants : undefined;
}
