import type { RestRoute } from '../protocols/rest-json.ts';
import type { QuickSightOperation } from './sdk.ts';

const A = '/accounts/{AwsAccountId}';
const page = { MaxResults: ['max-results', 'integer'], NextToken: ['next-token', 'string'] } as const;
const version = { VersionNumber: ['version-number', 'long'], AliasName: ['alias-name', 'string'] } as const;

/**
 * The QuickSight operations the endpoint serves, with their HTTP bindings as QuickSight's API model
 * declares them (a test checks each one against `quicksight.service-2.json`).
 */
export const QUICKSIGHT_ROUTES: readonly (RestRoute & { readonly operation: QuickSightOperation })[] = [
  { operation: 'CreateDataSource', method: 'POST', uri: `${A}/data-sources` },
  { operation: 'ListDataSources', method: 'GET', uri: `${A}/data-sources`, query: page },
  { operation: 'DescribeDataSource', method: 'GET', uri: `${A}/data-sources/{DataSourceId}` },
  { operation: 'UpdateDataSource', method: 'PUT', uri: `${A}/data-sources/{DataSourceId}` },
  { operation: 'DeleteDataSource', method: 'DELETE', uri: `${A}/data-sources/{DataSourceId}` },
  { operation: 'DescribeDataSourcePermissions', method: 'GET', uri: `${A}/data-sources/{DataSourceId}/permissions` },
  { operation: 'UpdateDataSourcePermissions', method: 'POST', uri: `${A}/data-sources/{DataSourceId}/permissions` },

  { operation: 'CreateDataSet', method: 'POST', uri: `${A}/data-sets` },
  { operation: 'ListDataSets', method: 'GET', uri: `${A}/data-sets`, query: page },
  { operation: 'DescribeDataSet', method: 'GET', uri: `${A}/data-sets/{DataSetId}` },
  { operation: 'UpdateDataSet', method: 'PUT', uri: `${A}/data-sets/{DataSetId}` },
  { operation: 'DeleteDataSet', method: 'DELETE', uri: `${A}/data-sets/{DataSetId}` },
  { operation: 'DescribeDataSetPermissions', method: 'GET', uri: `${A}/data-sets/{DataSetId}/permissions` },
  { operation: 'UpdateDataSetPermissions', method: 'POST', uri: `${A}/data-sets/{DataSetId}/permissions` },
  { operation: 'CreateRefreshSchedule', method: 'POST', uri: `${A}/data-sets/{DataSetId}/refresh-schedules` },
  { operation: 'ListRefreshSchedules', method: 'GET', uri: `${A}/data-sets/{DataSetId}/refresh-schedules` },
  { operation: 'UpdateRefreshSchedule', method: 'PUT', uri: `${A}/data-sets/{DataSetId}/refresh-schedules` },
  { operation: 'DescribeRefreshSchedule', method: 'GET', uri: `${A}/data-sets/{DataSetId}/refresh-schedules/{ScheduleId}` },
  { operation: 'DeleteRefreshSchedule', method: 'DELETE', uri: `${A}/data-sets/{DataSetId}/refresh-schedules/{ScheduleId}` },
  { operation: 'DescribeDataSetRefreshProperties', method: 'GET', uri: `${A}/data-sets/{DataSetId}/refresh-properties` },
  { operation: 'PutDataSetRefreshProperties', method: 'PUT', uri: `${A}/data-sets/{DataSetId}/refresh-properties` },
  { operation: 'DeleteDataSetRefreshProperties', method: 'DELETE', uri: `${A}/data-sets/{DataSetId}/refresh-properties` },

  { operation: 'ListAnalyses', method: 'GET', uri: `${A}/analyses`, query: page },
  { operation: 'CreateAnalysis', method: 'POST', uri: `${A}/analyses/{AnalysisId}` },
  { operation: 'DescribeAnalysis', method: 'GET', uri: `${A}/analyses/{AnalysisId}` },
  { operation: 'UpdateAnalysis', method: 'PUT', uri: `${A}/analyses/{AnalysisId}` },
  {
    operation: 'DeleteAnalysis',
    method: 'DELETE',
    uri: `${A}/analyses/{AnalysisId}`,
    query: { RecoveryWindowInDays: ['recovery-window-in-days', 'long'], ForceDeleteWithoutRecovery: ['force-delete-without-recovery', 'boolean'] },
  },
  { operation: 'DescribeAnalysisDefinition', method: 'GET', uri: `${A}/analyses/{AnalysisId}/definition` },
  { operation: 'DescribeAnalysisPermissions', method: 'GET', uri: `${A}/analyses/{AnalysisId}/permissions` },
  { operation: 'UpdateAnalysisPermissions', method: 'PUT', uri: `${A}/analyses/{AnalysisId}/permissions` },
  { operation: 'RestoreAnalysis', method: 'POST', uri: `${A}/restore/analyses/{AnalysisId}`, query: { RestoreToFolders: ['restore-to-folders', 'boolean'] } },

  { operation: 'ListDashboards', method: 'GET', uri: `${A}/dashboards`, query: page },
  { operation: 'CreateDashboard', method: 'POST', uri: `${A}/dashboards/{DashboardId}` },
  { operation: 'DescribeDashboard', method: 'GET', uri: `${A}/dashboards/{DashboardId}`, query: version },
  { operation: 'UpdateDashboard', method: 'PUT', uri: `${A}/dashboards/{DashboardId}` },
  { operation: 'DeleteDashboard', method: 'DELETE', uri: `${A}/dashboards/{DashboardId}`, query: { VersionNumber: ['version-number', 'long'] } },
  { operation: 'DescribeDashboardDefinition', method: 'GET', uri: `${A}/dashboards/{DashboardId}/definition`, query: version },
  { operation: 'ListDashboardVersions', method: 'GET', uri: `${A}/dashboards/{DashboardId}/versions`, query: page },
  {
    operation: 'UpdateDashboardPublishedVersion',
    method: 'PUT',
    uri: `${A}/dashboards/{DashboardId}/versions/{VersionNumber}`,
    uriTypes: { VersionNumber: 'long' },
  },
  { operation: 'DescribeDashboardPermissions', method: 'GET', uri: `${A}/dashboards/{DashboardId}/permissions` },
  { operation: 'UpdateDashboardPermissions', method: 'PUT', uri: `${A}/dashboards/{DashboardId}/permissions` },

  { operation: 'DescribeAccountSubscription', method: 'GET', uri: '/account/{AwsAccountId}' },
  { operation: 'DescribeNamespace', method: 'GET', uri: `${A}/namespaces/{Namespace}` },
  { operation: 'DescribeUser', method: 'GET', uri: `${A}/namespaces/{Namespace}/users/{UserName}` },
  { operation: 'DescribeGroup', method: 'GET', uri: `${A}/namespaces/{Namespace}/groups/{GroupName}` },
  { operation: 'ListThemes', method: 'GET', uri: `${A}/themes`, query: { ...page, Type: ['type', 'string'] } },
  { operation: 'CreateTheme', method: 'POST', uri: `${A}/themes/{ThemeId}` },
  { operation: 'DescribeTheme', method: 'GET', uri: `${A}/themes/{ThemeId}`, query: version },
  { operation: 'UpdateTheme', method: 'PUT', uri: `${A}/themes/{ThemeId}` },
  { operation: 'DeleteTheme', method: 'DELETE', uri: `${A}/themes/{ThemeId}`, query: { VersionNumber: ['version-number', 'long'] } },
  { operation: 'ListThemeVersions', method: 'GET', uri: `${A}/themes/{ThemeId}/versions`, query: page },
  { operation: 'DescribeThemePermissions', method: 'GET', uri: `${A}/themes/{ThemeId}/permissions` },
  { operation: 'UpdateThemePermissions', method: 'PUT', uri: `${A}/themes/{ThemeId}/permissions` },

  { operation: 'ListFolders', method: 'GET', uri: `${A}/folders`, query: page },
  { operation: 'CreateFolder', method: 'POST', uri: `${A}/folders/{FolderId}` },
  { operation: 'DescribeFolder', method: 'GET', uri: `${A}/folders/{FolderId}` },
  { operation: 'UpdateFolder', method: 'PUT', uri: `${A}/folders/{FolderId}` },
  { operation: 'DeleteFolder', method: 'DELETE', uri: `${A}/folders/{FolderId}` },
  { operation: 'ListFolderMembers', method: 'GET', uri: `${A}/folders/{FolderId}/members`, query: page },
  { operation: 'CreateFolderMembership', method: 'PUT', uri: `${A}/folders/{FolderId}/members/{MemberType}/{MemberId}` },
  { operation: 'DeleteFolderMembership', method: 'DELETE', uri: `${A}/folders/{FolderId}/members/{MemberType}/{MemberId}` },
  { operation: 'DescribeFolderPermissions', method: 'GET', uri: `${A}/folders/{FolderId}/permissions`, query: { ...page, Namespace: ['namespace', 'string'] } },
  { operation: 'UpdateFolderPermissions', method: 'PUT', uri: `${A}/folders/{FolderId}/permissions` },

  { operation: 'TagResource', method: 'POST', uri: '/resources/{ResourceArn}/tags' },
  { operation: 'UntagResource', method: 'DELETE', uri: '/resources/{ResourceArn}/tags', query: { TagKeys: ['keys', 'list'] } },
  { operation: 'ListTagsForResource', method: 'GET', uri: '/resources/{ResourceArn}/tags' },
];
