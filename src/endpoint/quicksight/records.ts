/**
 * How the endpoint stores QuickSight resources (one JSON record each, under the state directory):
 * what a request gave in the SDK's own types (as JSON carries them), and what the endpoint adds.
 */
import type * as QuickSight from '@aws-sdk/client-quicksight';
import type { DefinitionErrorType } from '../../quicksight/index.ts';
import type { Wire } from '../sdk-types.ts';
import type { OutputColumn } from './dataset-columns.ts';
import type { Input } from './sdk.ts';

export type QuickSightKind = 'datasource' | 'dataset' | 'analysis' | 'dashboard' | 'theme' | 'folder';

/** The ARN resource type and the words QuickSight uses in messages, per kind. */
export const KIND_INFO: Readonly<Record<QuickSightKind, { readonly arnType: string; readonly label: string; readonly exceptionType?: string }>> = {
  datasource: { arnType: 'datasource', label: 'Data source', exceptionType: 'DATA_SOURCE' },
  dataset: { arnType: 'dataset', label: 'Data set', exceptionType: 'DATA_SET' },
  analysis: { arnType: 'analysis', label: 'Analysis' },
  dashboard: { arnType: 'dashboard', label: 'Dashboard' },
  theme: { arnType: 'theme', label: 'Theme' },
  folder: { arnType: 'folder', label: 'Folder' },
};

export type Permission = Wire<QuickSight.ResourcePermission>;

export type Tag = Wire<QuickSight.Tag>;

/**
 * A QuickSight error in an analysis or dashboard version (`Errors` in the describe responses): the
 * SDK's `AnalysisError` and `DashboardError`, but for `Type`, which QuickSight answers with more
 * values than its model's enum lists (`DefinitionErrorType`).
 */
export interface DefinitionError {
  readonly Type: DefinitionErrorType;
  readonly Message: string;
  readonly ViolatedEntities?: Wire<QuickSight.Entity>[];
}

/** The asynchronous part of a create or update: in progress until `settlesAt`, then its outcome. */
export interface Progress<E> {
  readonly stage: 'CREATION' | 'UPDATE';
  /** Epoch milliseconds. */
  readonly settlesAt: number;
  readonly errors: E[];
}

interface Common<K extends QuickSightKind> {
  readonly kind: K;
  readonly id: string;
  readonly arn: string;
  /** Epoch milliseconds. */
  readonly createdTime: number;
  lastUpdatedTime: number;
  permissions: Permission[];
  tags: Tag[];
}

/** The members of a CreateDataSource a data source keeps. */
export const DATA_SOURCE_MEMBERS = ['Name', 'Type', 'DataSourceParameters', 'VpcConnectionProperties', 'SslProperties'] as const;

export interface DataSourceRecord extends Common<'datasource'> {
  properties: Pick<Input<'CreateDataSource'>, (typeof DATA_SOURCE_MEMBERS)[number]>;
  /** Its errors are what DescribeDataSource answers as `ErrorInfo` (the first). */
  progress: Progress<Wire<QuickSight.DataSourceErrorInfo>>;
}

/** The members of a CreateDataSet a data set keeps. */
export const DATA_SET_MEMBERS = [
  'Name',
  'PhysicalTableMap',
  'LogicalTableMap',
  'ImportMode',
  'ColumnGroups',
  'FieldFolders',
  'RowLevelPermissionDataSet',
  'RowLevelPermissionTagConfiguration',
  'ColumnLevelPermissionRules',
  'DataSetUsageConfiguration',
  'DatasetParameters',
  'PerformanceConfiguration',
  'UseAs',
  'DataPrepConfiguration',
  'SemanticModelConfiguration',
] as const;

export type DataSetProperties = Pick<Input<'CreateDataSet'>, (typeof DATA_SET_MEMBERS)[number]>;

export interface DataSetRecord extends Common<'dataset'> {
  properties: DataSetProperties;
  outputColumns: OutputColumn[];
  refreshSchedules: Wire<QuickSight.RefreshSchedule>[];
  refreshProperties?: Wire<QuickSight.DataSetRefreshProperties>;
}

/** What the endpoint works out of a definition when it is created or updated (definitions.ts). */
export interface EvaluatedMembers {
  readonly DataSetArns: string[];
  readonly Sheets: Wire<QuickSight.Sheet>[];
}

/** The members of a CreateAnalysis an analysis keeps. */
export const ANALYSIS_MEMBERS = ['Name', 'Parameters', 'ThemeArn', 'Definition', 'ValidationStrategy'] as const;

export interface AnalysisRecord extends Common<'analysis'> {
  properties: Pick<Input<'CreateAnalysis'>, (typeof ANALYSIS_MEMBERS)[number]> & EvaluatedMembers;
  progress: Progress<DefinitionError>;
  /** Epoch milliseconds when a delete with a recovery window was asked for. */
  deletedAt?: number;
  deletionTime?: number;
}

/** The members of a CreateDashboard each dashboard version keeps. */
export const DASHBOARD_VERSION_MEMBERS = [
  'Name',
  'Parameters',
  'VersionDescription',
  'DashboardPublishOptions',
  'ThemeArn',
  'Definition',
  'ValidationStrategy',
] as const;

export interface DashboardVersionRecord {
  readonly versionNumber: number;
  readonly createdTime: number;
  readonly progress: Progress<DefinitionError>;
  readonly properties: Pick<Input<'CreateDashboard'>, (typeof DASHBOARD_VERSION_MEMBERS)[number]> & EvaluatedMembers;
}

export interface DashboardRecord extends Common<'dashboard'> {
  publishedVersion: number;
  lastPublishedTime: number;
  versions: DashboardVersionRecord[];
  linkSharing?: Wire<QuickSight.LinkSharingConfiguration>;
}

export interface ThemeVersionRecord {
  readonly versionNumber: number;
  readonly createdTime: number;
  readonly progress: Progress<Wire<QuickSight.ThemeError>>;
  readonly properties: Pick<Input<'CreateTheme'>, 'BaseThemeId' | 'Configuration' | 'VersionDescription'>;
}

export interface ThemeRecord extends Common<'theme'> {
  name: string;
  versions: ThemeVersionRecord[];
}

/** An asset in a folder: its MemberType (DASHBOARD, ANALYSIS, DATASET, DATASOURCE) and id. */
export interface FolderMember {
  readonly type: QuickSight.MemberType;
  readonly id: string;
}

export interface FolderRecord extends Common<'folder'> {
  name: string;
  readonly folderType: QuickSight.FolderType;
  readonly sharingModel: QuickSight.SharingModel;
  /** The folder it is in, if any. */
  readonly parentArn?: string;
  members: FolderMember[];
}

export type QuickSightRecord = DataSourceRecord | DataSetRecord | AnalysisRecord | DashboardRecord | ThemeRecord | FolderRecord;

/** The store key of a resource: `quicksight/<account>/<region>/<kind>/<id>`. */
export function recordKey(account: string, region: string, kind: QuickSightKind, id: string): string[] {
  return ['quicksight', account, region, kind, id];
}

export function collectionKey(account: string, region: string, kind: QuickSightKind): string[] {
  return ['quicksight', account, region, kind];
}

export function arnOf(region: string, account: string, kind: QuickSightKind, id: string): string {
  return `arn:aws:quicksight:${region}:${account}:${KIND_INFO[kind].arnType}/${id}`;
}

/** Reads `arn:aws:quicksight:<region>:<account>:<type>/<id>` back; undefined for other ARNs. */
export function parseArn(arn: string): { region: string; account: string; kind: QuickSightKind; id: string } | undefined {
  const match = /^arn:aws[a-z-]*:quicksight:([a-z0-9-]+):(\d{12}):([a-z]+)\/([^/]+)$/.exec(arn);
  if (!match) return undefined;
  // The pattern's four groups always take part in a match.
  const kind = (Object.keys(KIND_INFO) as QuickSightKind[]).find((k) => KIND_INFO[k].arnType === match[3]);
  return kind && { region: match[1]!, account: match[2]!, kind, id: match[4]! };
}

/** Epoch milliseconds → the epoch seconds AWS's JSON protocols carry. */
export function seconds(ms: number): number {
  return ms / 1000;
}
