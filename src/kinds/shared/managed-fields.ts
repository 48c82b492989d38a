import { canonicalObject, omitKeys, type JsonObject } from '../../plan/index.ts';

/** Fields AWS manages or that describe calls never echo; never compared. */
export const MANAGED = [
  'Arn',
  'AwsAccountId',
  'CatalogId',
  'CreatedTime',
  'CreateTime',
  'CreationTime',
  'LastUpdatedTime',
  'UpdateTime',
  'LastPublishedTime',
  'Status',
  'ResourceStatus',
  'Errors',
  'ErrorInfo',
  'RequestId',
  '$metadata',
  'VersionId',
  'CreatedBy',
  'IsRegisteredWithLakeFormation',
  'OutputColumns',
  'ConsumedSpiceCapacityInBytes',
  'Permissions',
  'Tags',
  'FolderArns',
  'ValidationStrategy',
  'VersionDescription',
  'Credentials',
  'Parameters',
  'SourceEntity',
  'LinkSharingConfiguration',
  'LinkEntities',
  'DatabaseName',
  'LastAccessTime',
  'LastAnalyzedTime',
];

/** Glue's `Parameters` are real properties (partition projection lives there), unlike QuickSight's. */
export const GLUE_MANAGED = MANAGED.filter((key) => key !== 'Parameters');

/** An SDK value (a create input or a describe's record) in the compared form, without the managed fields and `also`. */
export function comparedProperties(value: unknown, managed: readonly string[], also: readonly string[] = []): JsonObject {
  return omitKeys(canonicalObject(value), [...managed, ...also]);
}
