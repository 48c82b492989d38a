/** How the endpoint stores QuickSight resources (one JSON record each, under the state directory). */

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

export interface Permission {
  readonly Principal: string;
  readonly Actions: string[];
}

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** A QuickSight error in an analysis or dashboard version (`Errors` in the describe responses). */
export interface DefinitionError {
  readonly Type: string;
  readonly Message: string;
  readonly ViolatedEntities?: { readonly Path: string }[];
}

/** The asynchronous part of a create or update: in progress until `settlesAt`, then its outcome. */
export interface Progress {
  readonly stage: 'CREATION' | 'UPDATE';
  /** Epoch milliseconds. */
  readonly settlesAt: number;
  readonly errors: DefinitionError[];
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

export interface DataSourceRecord extends Common<'datasource'> {
  /** The stored input members (Name, Type, DataSourceParameters, …). */
  properties: Record<string, unknown>;
  progress: Progress;
}

export interface DataSetRecord extends Common<'dataset'> {
  properties: Record<string, unknown>;
  outputColumns: { Name: string; Type: string; Description?: string }[];
  refreshSchedules: Record<string, unknown>[];
  refreshProperties?: unknown;
}

export interface AnalysisRecord extends Common<'analysis'> {
  properties: Record<string, unknown>;
  progress: Progress;
  /** Epoch milliseconds when a delete with a recovery window was asked for. */
  deletedAt?: number;
  deletionTime?: number;
}

export interface DashboardVersionRecord {
  readonly versionNumber: number;
  readonly createdTime: number;
  readonly progress: Progress;
  /** Name, Definition, VersionDescription, DashboardPublishOptions, ThemeArn, Parameters, … */
  readonly properties: Record<string, unknown>;
}

export interface DashboardRecord extends Common<'dashboard'> {
  publishedVersion: number;
  lastPublishedTime: number;
  versions: DashboardVersionRecord[];
  linkSharing?: { Permissions: Permission[] };
}

export interface ThemeVersionRecord {
  readonly versionNumber: number;
  readonly createdTime: number;
  readonly progress: Progress;
  /** BaseThemeId, Configuration, VersionDescription. */
  readonly properties: Record<string, unknown>;
}

export interface ThemeRecord extends Common<'theme'> {
  name: string;
  versions: ThemeVersionRecord[];
}

/** An asset in a folder: its MemberType (DASHBOARD, ANALYSIS, DATASET, DATASOURCE) and id. */
export interface FolderMember {
  readonly type: string;
  readonly id: string;
}

export interface FolderRecord extends Common<'folder'> {
  name: string;
  readonly folderType: string;
  readonly sharingModel: string;
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
  const kind = (Object.keys(KIND_INFO) as QuickSightKind[]).find((k) => KIND_INFO[k].arnType === match[3]);
  return kind && { region: match[1], account: match[2], kind, id: match[4] };
}

/** Epoch milliseconds → the epoch seconds AWS's JSON protocols carry. */
export function seconds(ms: number): number {
  return ms / 1000;
}
