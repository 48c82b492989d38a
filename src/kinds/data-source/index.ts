import type { KindDefinition } from '../kind.ts';
import { fingerprintTagRead } from '../shared/quicksight-tags.ts';
import { normaliseQuickSight } from '../shared/quicksight-model.ts';
import { createRequest } from '../shared/requests.ts';
import {
  createDataSource,
  dataSourceListing,
  dataSourcePermissions,
  dataSourceSettling,
  dataSourceStamping,
  dataSourceTagging,
  readDataSource,
  removeDataSource,
  updateDataSource,
} from './aws.ts';
import { compileDataSource, type DataSourceResource } from './compile.ts';
import { dataSourceArn } from './identity.ts';

/**
 * The target's QuickSight data source (Athena). Its fingerprint tag, stamped with its LastUpdatedTime,
 * is read with the target's deployment record, which it carries.
 */
export const dataSource: KindDefinition<DataSourceResource> = {
  name: 'DataSource',
  dependsOn: ['WorkGroup'],
  arn: dataSourceArn,
  compile: compileDataSource,
  requests: (resource) => [createRequest(resource)],
  fingerprint: 'tag',
  normalise: (resource) => normaliseQuickSight(resource.input, 'DataSourceId'),
  read: readDataSource,
  create: createDataSource,
  update: updateDataSource,
  remove: removeDataSource,
  tagging: dataSourceTagging,
  permissions: dataSourcePermissions,
  fingerprintRead: fingerprintTagRead(dataSourceTagging),
  settling: dataSourceSettling,
  stamping: dataSourceStamping,
  listing: dataSourceListing,
  pruning: { iam: { list: 'quicksight:ListDataSources', readTags: 'quicksight:ListTagsForResource', delete: 'quicksight:DeleteDataSource' } },
  holdsDeploymentRecord: true,
  iam: {
    statement: 'QuickSightDataSource',
    actions: () => [
      'quicksight:DescribeDataSource',
      'quicksight:CreateDataSource',
      'quicksight:UpdateDataSource',
      'quicksight:DeleteDataSource',
      'quicksight:DescribeDataSourcePermissions',
      'quicksight:UpdateDataSourcePermissions',
      'quicksight:PassDataSource',
      'quicksight:ListTagsForResource',
      'quicksight:TagResource',
      'quicksight:UntagResource',
    ],
  },
};
