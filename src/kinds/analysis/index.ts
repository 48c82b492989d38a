import type { KindDefinition } from '../kind.ts';
import { fingerprintTagRead } from '../shared/quicksight-tags.ts';
import { normaliseQuickSight } from '../shared/quicksight-model.ts';
import { createRequest } from '../shared/requests.ts';
import {
  analysisListing,
  analysisPermissions,
  analysisSettling,
  analysisStamping,
  analysisTagging,
  createAnalysis,
  readAnalysis,
  removeAnalysis,
  updateAnalysis,
} from './aws.ts';
import { compileAnalyses, type AnalysisResource } from './compile.ts';
import { analysisArn } from './identity.ts';

/** QuickSight analyses: one per Dashboard spec (its explorable side) and per Analysis spec. */
export const analysis: KindDefinition<AnalysisResource> = {
  name: 'Analysis',
  dependsOn: ['DataSet', 'Theme'],
  arn: analysisArn,
  compile: compileAnalyses,
  requests: (resource) => [createRequest(resource)],
  fingerprint: 'tag',
  normalise: (resource) => normaliseQuickSight(resource.input, 'AnalysisId'),
  read: readAnalysis,
  create: createAnalysis,
  update: updateAnalysis,
  remove: removeAnalysis,
  tagging: analysisTagging,
  permissions: analysisPermissions,
  fingerprintRead: fingerprintTagRead(analysisTagging),
  settling: analysisSettling,
  stamping: analysisStamping,
  listing: analysisListing,
  pruning: { iam: { list: 'quicksight:ListAnalyses', readTags: 'quicksight:ListTagsForResource', delete: 'quicksight:DeleteAnalysis' } },
  iam: {
    statement: 'QuickSightAnalyses',
    actions: () => [
      'quicksight:DescribeAnalysis',
      'quicksight:DescribeAnalysisDefinition',
      'quicksight:CreateAnalysis',
      'quicksight:UpdateAnalysis',
      'quicksight:DeleteAnalysis',
      'quicksight:DescribeAnalysisPermissions',
      'quicksight:UpdateAnalysisPermissions',
      'quicksight:ListTagsForResource',
      'quicksight:TagResource',
      'quicksight:UntagResource',
    ],
  },
};
