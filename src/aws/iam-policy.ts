import type { DesiredResource, ResolvedTarget, ResourceKind } from '../compile/index.ts';
import { partition } from '../compile/names.ts';
import type { ProjectSpec } from '../language/index.ts';
import { MANAGED_BY, TARGET_TAG } from '../plan/index.ts';
import { arnOf } from './arns.ts';
import { QUICKSIGHT_SERVICE_ROLE } from './quicksight-service-role.ts';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: Statement[];
}

/** What publishing calls for each kind (reads, writes, permissions, tags), in IAM's names. */
const ACTIONS: Readonly<Record<ResourceKind, readonly string[]>> = {
  GlueDatabase: ['glue:GetDatabase', 'glue:CreateDatabase', 'glue:UpdateDatabase', 'glue:GetTags', 'glue:TagResource', 'glue:UntagResource'],
  GlueTable: ['glue:GetTable', 'glue:CreateTable', 'glue:UpdateTable'],
  WorkGroup: ['athena:GetWorkGroup', 'athena:CreateWorkGroup', 'athena:UpdateWorkGroup', 'athena:ListTagsForResource', 'athena:TagResource', 'athena:UntagResource'],
  DataSource: [
    'quicksight:DescribeDataSource', 'quicksight:CreateDataSource', 'quicksight:UpdateDataSource', 'quicksight:DeleteDataSource',
    'quicksight:DescribeDataSourcePermissions', 'quicksight:UpdateDataSourcePermissions', 'quicksight:PassDataSource',
  ],
  DataSet: [
    'quicksight:DescribeDataSet', 'quicksight:CreateDataSet', 'quicksight:UpdateDataSet',
    'quicksight:DescribeDataSetPermissions', 'quicksight:UpdateDataSetPermissions', 'quicksight:PassDataSet',
  ],
  Analysis: [
    'quicksight:DescribeAnalysis', 'quicksight:DescribeAnalysisDefinition', 'quicksight:CreateAnalysis', 'quicksight:UpdateAnalysis',
    'quicksight:DeleteAnalysis', 'quicksight:DescribeAnalysisPermissions', 'quicksight:UpdateAnalysisPermissions',
  ],
  Dashboard: [
    'quicksight:DescribeDashboard', 'quicksight:DescribeDashboardDefinition', 'quicksight:CreateDashboard', 'quicksight:UpdateDashboard',
    'quicksight:DeleteDashboard', 'quicksight:UpdateDashboardPublishedVersion', 'quicksight:DescribeDashboardPermissions',
    'quicksight:UpdateDashboardPermissions',
  ],
};
const QUICKSIGHT_TAGGING = ['quicksight:ListTagsForResource', 'quicksight:TagResource', 'quicksight:UntagResource'];
const REFRESH_SCHEDULES = ['quicksight:ListRefreshSchedules', 'quicksight:CreateRefreshSchedule', 'quicksight:UpdateRefreshSchedule'];
const STATEMENT_ID = { DataSource: 'QuickSightDataSource', DataSet: 'QuickSightDataSets', Analysis: 'QuickSightAnalyses', Dashboard: 'QuickSightDashboards' } as const;
const QUICKSIGHT_KINDS = { DataSource: 'datasource', DataSet: 'dataset', Analysis: 'analysis', Dashboard: 'dashboard' } as const;

export interface IamPolicyOptions {
  /** Also what `trailsight preview --target T` needs: Athena queries over the logs. */
  readonly preview?: boolean;
  /** Only what `trailsight plan` needs (Describe, Get, List): for the role pull requests run with. */
  readonly readOnly?: boolean;
}

/**
 * The least-privilege policy for publishing the compiled resources to the target: every action on
 * the exact ARNs of the resources trailsight manages (ids are deterministic, so they are known
 * before anything exists); pruning may delete only resources tagged as this target's trailsight's.
 */
export function iamPolicy(project: ProjectSpec, target: ResolvedTarget, resources: readonly DesiredResource[], options: IamPolicyOptions = {}): IamPolicy {
  const scope = { account: target.account, region: target.region };
  const arns = (kind: ResourceKind) => resources.filter((r) => r.kind === kind).map((r) => arnOf(scope, kind, r.id));
  const statements: Statement[] = [];
  const add = (Sid: string, kinds: ResourceKind[], extra: { actions?: string[]; resources?: string[] } = {}) => {
    const Resource = [...(extra.resources ?? []), ...kinds.flatMap(arns)];
    if (Resource.length) statements.push({ Sid, Effect: 'Allow', Action: [...kinds.flatMap((k) => ACTIONS[k]), ...(extra.actions ?? [])], Resource });
  };
  const glue = `arn:${partition(target.region)}:glue:${target.region}:${target.account}`;
  add('GlueCloudTrailTable', ['GlueDatabase', 'GlueTable'], { resources: [`${glue}:catalog`] });
  add('AthenaWorkGroup', ['WorkGroup']);
  for (const kind of ['DataSource', 'DataSet', 'Analysis', 'Dashboard'] as const) {
    const schedules = kind === 'DataSet' && resources.some((r) => r.kind === 'DataSet' && r.refreshSchedule);
    add(STATEMENT_ID[kind], [kind], { actions: [...QUICKSIGHT_TAGGING, ...(schedules ? REFRESH_SCHEDULES : [])] });
  }
  statements.push(...pruneStatements(target));
  if (options.preview) statements.push(...previewStatements(project, target, resources));
  // `trailsight doctor` reads only, in plan's role as in publish's.
  return { Version: '2012-10-17', Statement: [...(options.readOnly ? readOnly(statements) : statements), ...doctorStatements(project, target, resources)] };
}

/** `trailsight doctor`: who is there in QuickSight, the trail, one day's listing, the workgroup, the service role's permissions. */
function doctorStatements(project: ProjectSpec, target: ResolvedTarget, resources: readonly DesiredResource[]): Statement[] {
  const p = partition(target.region);
  const prefix = project.source.prefix ?? '';
  const workgroup = resources.find((r) => r.kind === 'WorkGroup')?.id ?? project.athena.workgroup;
  const namespace = `arn:${p}:quicksight:${target.region}:${target.account}:namespace/${project.quicksight.namespace ?? 'default'}`;
  const principals = [...(target.principals.owners ?? []), ...(target.principals.viewers ?? [])];
  return [
    { Sid: 'DoctorQuickSightAccount', Effect: 'Allow', Action: ['quicksight:DescribeAccountSubscription'], Resource: '*' },
    { Sid: 'DoctorQuickSightPrincipals', Effect: 'Allow', Action: ['quicksight:DescribeNamespace', 'quicksight:DescribeUser', 'quicksight:DescribeGroup'], Resource: [...new Set([namespace, ...principals])] },
    // DescribeTrails has no resource-level permissions; an organization trail lives in the management account.
    { Sid: 'DoctorTrail', Effect: 'Allow', Action: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors', 'cloudtrail:GetInsightSelectors'], Resource: '*' },
    {
      Sid: 'DoctorListLogs',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: `arn:${p}:s3:::${project.source.bucket}`,
      Condition: { StringLike: { 's3:prefix': `${prefix}AWSLogs/*` } },
    },
    { Sid: 'DoctorWorkGroup', Effect: 'Allow', Action: ['athena:GetWorkGroup'], Resource: `arn:${p}:athena:${target.region}:${target.account}:workgroup/${workgroup}` },
    { Sid: 'DoctorServiceRole', Effect: 'Allow', Action: ['iam:SimulatePrincipalPolicy'], Resource: `arn:${p}:iam::${target.account}:role/${QUICKSIGHT_SERVICE_ROLE}` },
  ];
}

const READ_ACTION = /^[a-z0-9]+:(Describe|Get|List)[A-Za-z]*$/;

function readOnly(statements: readonly Statement[]): Statement[] {
  return statements
    .map((s) => ({ ...s, Action: s.Action.filter((a) => READ_ACTION.test(a) && !/^s3:|^athena:GetQuery/.test(a)) }))
    .filter((s) => s.Action.length > 0);
}

/** `publish --prune`: list each kind, read tags, delete only what carries this target's trailsight tags. */
function pruneStatements(target: ResolvedTarget): Statement[] {
  const qs = `arn:${partition(target.region)}:quicksight:${target.region}:${target.account}`;
  const all = Object.values(QUICKSIGHT_KINDS).map((type) => `${qs}:${type}/${target.idPrefix}*`);
  return [
    {
      Sid: 'PruneListQuickSight',
      Effect: 'Allow',
      Action: ['quicksight:ListDataSources', 'quicksight:ListDataSets', 'quicksight:ListAnalyses', 'quicksight:ListDashboards'],
      Resource: '*',
    },
    { Sid: 'PruneReadTags', Effect: 'Allow', Action: ['quicksight:ListTagsForResource'], Resource: all },
    {
      Sid: 'PruneDeleteOwnResources',
      Effect: 'Allow',
      Action: ['quicksight:DeleteDataSource', 'quicksight:DeleteDataSet', 'quicksight:DeleteAnalysis', 'quicksight:DeleteDashboard'],
      Resource: all,
      Condition: { StringEquals: { [`aws:ResourceTag/${MANAGED_BY.key}`]: MANAGED_BY.value, [`aws:ResourceTag/${TARGET_TAG}`]: target.name } },
    },
  ];
}

/** `preview --target T`: read the dashboards back and run their queries through Athena. */
function previewStatements(project: ProjectSpec, target: ResolvedTarget, resources: readonly DesiredResource[]): Statement[] {
  const p = partition(target.region);
  const workgroup = resources.find((r) => r.kind === 'WorkGroup')?.id ?? project.athena.workgroup;
  const prefix = project.source.prefix ?? '';
  const results = project.athena.outputLocation?.replace(/^s3:\/\//, '');
  const database = resources.find((r) => r.kind === 'GlueDatabase')?.id ?? project.glue.database;
  const glue = `arn:${p}:glue:${target.region}:${target.account}`;
  return [
    {
      Sid: 'PreviewAthenaQueries',
      Effect: 'Allow',
      Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'],
      Resource: `arn:${p}:athena:${target.region}:${target.account}:workgroup/${workgroup}`,
    },
    {
      Sid: 'PreviewGlueTable',
      Effect: 'Allow',
      Action: ['glue:GetDatabase', 'glue:GetTable'],
      Resource: [`${glue}:catalog`, `${glue}:database/${database}`, `${glue}:table/${database}/*`],
    },
    {
      Sid: 'PreviewReadLogs',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: `arn:${p}:s3:::${project.source.bucket}/${prefix}AWSLogs/*`,
    },
    {
      Sid: 'PreviewListLogs',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: `arn:${p}:s3:::${project.source.bucket}`,
      Condition: { StringLike: { 's3:prefix': `${prefix}AWSLogs/*` } },
    },
    ...(results
      ? [
          {
            Sid: 'PreviewQueryResults',
            Effect: 'Allow' as const,
            Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListBucket', 's3:GetBucketLocation'],
            Resource: [`arn:${p}:s3:::${results.split('/')[0]}`, `arn:${p}:s3:::${results.replace(/\/?$/, '/')}*`],
          },
        ]
      : []),
    // The dashboards, datasets and data source are read with the Describe actions granted above.
    { Sid: 'PreviewListDashboards', Effect: 'Allow', Action: ['quicksight:ListDashboards'], Resource: '*' },
  ];
}
