import type { KindDefinition } from '../kind.ts';
import { fingerprintTagRead } from '../shared/quicksight-tags.ts';
import { createRequest } from '../shared/requests.ts';
import {
  createDataSet,
  dataSetListing,
  dataSetPermissions,
  dataSetStamping,
  dataSetTagging,
  normaliseDataSet,
  readDataSet,
  removeDataSet,
  updateDataSet,
} from './aws.ts';
import { compileDataSets, type DataSetResource } from './compile.ts';
import { dataSetArn } from './identity.ts';

const REFRESH_SCHEDULES = ['quicksight:ListRefreshSchedules', 'quicksight:CreateRefreshSchedule', 'quicksight:UpdateRefreshSchedule'];

/** QuickSight datasets, one per DataSet spec; SPICE ones with their refresh schedule. */
export const dataSet: KindDefinition<DataSetResource> = {
  name: 'DataSet',
  dependsOn: ['DataSource', 'GlueTable'],
  arn: dataSetArn,
  compile: compileDataSets,
  requests: (resource) => [
    createRequest(resource),
    ...(resource.refreshSchedule ? [{ service: 'quicksight' as const, operation: 'CreateRefreshSchedule', input: resource.refreshSchedule }] : []),
  ],
  fingerprint: 'tag',
  normalise: normaliseDataSet,
  read: readDataSet,
  create: createDataSet,
  update: updateDataSet,
  remove: removeDataSet,
  tagging: dataSetTagging,
  permissions: dataSetPermissions,
  fingerprintRead: fingerprintTagRead(dataSetTagging),
  stamping: dataSetStamping,
  listing: dataSetListing,
  pruning: { iam: { list: 'quicksight:ListDataSets', readTags: 'quicksight:ListTagsForResource', delete: 'quicksight:DeleteDataSet' } },
  iam: {
    statement: 'QuickSightDataSets',
    actions: (resources) => [
      'quicksight:DescribeDataSet',
      'quicksight:CreateDataSet',
      'quicksight:UpdateDataSet',
      'quicksight:DescribeDataSetPermissions',
      'quicksight:UpdateDataSetPermissions',
      'quicksight:PassDataSet',
      'quicksight:ListTagsForResource',
      'quicksight:TagResource',
      'quicksight:UntagResource',
      ...(resources.some((r) => r.refreshSchedule) ? REFRESH_SCHEDULES : []),
    ],
  },
};
