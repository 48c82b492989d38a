import type { DesiredResource, ResourceKind } from '../compile/resource.ts';
import { canonicalObject, omitKeys } from './canonical.ts';
import type { JsonObject } from './resource-model.ts';

/**
 * How trailsight checks, cheaply, that a resource is still as it left it:
 * - `tag`: the `trailsight:fingerprint` tag, read with one ListTagsForResource;
 * - `version`: a dashboard's published version description, read with one DescribeDashboard —
 *   which also reveals a version published from elsewhere (the console);
 * - `none`: the one read (Glue Get*) returns every property, so it is compared in full.
 */
export type FingerprintPlace = 'tag' | 'version' | 'none';

/** What plan knows about each kind: where its properties, permissions, tags and fingerprint are. */
export interface KindRules {
  /** Tags style on the wire; `none`: the kind cannot be tagged through trailsight. */
  readonly tags: 'list' | 'map' | 'none';
  readonly permissions: boolean;
  readonly fingerprint: FingerprintPlace;
  /**
   * Whether the fingerprint tag also records the LastUpdatedTime trailsight left the resource at
   * (the kind's List call returns every resource's LastUpdatedTime, a page per 100 resources): an
   * edit made outside trailsight (the console) moves it, and the quick read then reads in full.
   */
  readonly stamped: boolean;
  /** The properties a create input sets and a describe echoes back. */
  desiredProperties(resource: DesiredResource): JsonObject;
  /** The same properties from the record a describe returned (already stripped of its envelope). */
  actualProperties(record: object): JsonObject;
}

/** Fields AWS manages or that describe calls never echo; never compared. */
const MANAGED = [
  'Arn', 'AwsAccountId', 'CatalogId', 'CreatedTime', 'CreateTime', 'CreationTime', 'LastUpdatedTime', 'UpdateTime',
  'LastPublishedTime', 'Status', 'ResourceStatus', 'Errors', 'ErrorInfo', 'RequestId', '$metadata', 'VersionId',
  'CreatedBy', 'IsRegisteredWithLakeFormation', 'OutputColumns', 'ConsumedSpiceCapacityInBytes', 'Permissions',
  'Tags', 'FolderArns', 'ValidationStrategy', 'VersionDescription', 'Credentials', 'Parameters', 'SourceEntity',
  'LinkSharingConfiguration', 'LinkEntities', 'DatabaseName', 'LastAccessTime', 'LastAnalyzedTime',
];

function quicksight(idKey: string, fingerprint: FingerprintPlace, stamped: boolean): KindRules {
  return {
    tags: 'list',
    permissions: true,
    fingerprint,
    stamped,
    desiredProperties: (resource) => {
      const properties = omitKeys(canonicalObject(resource.input), [...MANAGED, idKey]);
      if (resource.kind === 'DataSet' && resource.refreshSchedule) {
        properties.RefreshSchedule = omitKeys(canonicalObject(resource.refreshSchedule.Schedule), ['Arn']);
      }
      return properties;
    },
    actualProperties: (record) => omitKeys(canonicalObject(record), [...MANAGED, idKey]),
  };
}

/** Glue's `Parameters` are real properties (partition projection lives there), unlike QuickSight's. */
const GLUE_MANAGED = MANAGED.filter((key) => key !== 'Parameters');

export const KIND_RULES: { readonly [K in ResourceKind]: KindRules } = {
  GlueDatabase: {
    tags: 'map',
    permissions: false,
    fingerprint: 'none',
    stamped: false,
    desiredProperties: (resource) => canonicalObject((resource.input as { DatabaseInput?: unknown }).DatabaseInput),
    actualProperties: (record) => omitKeys(canonicalObject(record), GLUE_MANAGED),
  },
  GlueTable: {
    tags: 'none',
    permissions: false,
    fingerprint: 'none',
    stamped: false,
    desiredProperties: (resource) => canonicalObject((resource.input as { TableInput?: unknown }).TableInput),
    actualProperties: (record) => omitKeys(canonicalObject(record), GLUE_MANAGED),
  },
  WorkGroup: {
    tags: 'list',
    permissions: false,
    fingerprint: 'tag',
    stamped: false,
    desiredProperties: (resource) => omitKeys(canonicalObject(resource.input), [...MANAGED, 'Name']),
    actualProperties: (record) => omitKeys(canonicalObject(record), [...MANAGED, 'Name', 'State']),
  },
  DataSource: quicksight('DataSourceId', 'tag', true),
  DataSet: quicksight('DataSetId', 'tag', true),
  Analysis: quicksight('AnalysisId', 'tag', true),
  // A dashboard edited in the console is a new published version: its description tells.
  Dashboard: quicksight('DashboardId', 'version', false),
};
