import type { ActionSets } from '../../compile/index.ts';

/**
 * What the console grants on an analysis when sharing it as owner or viewer. Viewers are given only
 * the analysis-only specs (`kind: Analysis`), never the analyses behind dashboards: viewing a
 * dashboard needs none of those.
 */
export const ANALYSIS_ACTIONS: ActionSets = {
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
};
