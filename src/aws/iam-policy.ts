import { partition, type ResolvedTarget } from '../compile/index.ts';
import { KIND_ORDER, kindOf, kindsInOrder, type DesiredResource, type KindName, type ResourceOf } from '../kinds/index.ts';
import { glueDatabaseName } from '../kinds/glue-database/identity.ts';
import { workGroupName } from '../kinds/workgroup/identity.ts';
import type { ProjectSpec } from '../language/index.ts';
import { MANAGED_BY, TARGET_TAG } from '../plan/index.ts';
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
  const statements: Statement[] = [];
  // Each kind's actions and ARNs, in kind order; kinds that name one statement share it (Glue's database and table).
  const bySid = new Map<string, { actions: string[]; scope: Set<string>; arns: string[] }>();
  for (const name of KIND_ORDER) {
    const part = kindStatement(name, target, resources);
    const statement = bySid.get(part.sid) ?? { actions: [], scope: new Set<string>(), arns: [] };
    statement.actions.push(...part.actions);
    for (const resource of part.scope) statement.scope.add(resource);
    statement.arns.push(...part.arns);
    bySid.set(part.sid, statement);
  }
  for (const [Sid, statement] of bySid) {
    const Resource = [...statement.scope, ...statement.arns];
    if (Resource.length) statements.push({ Sid, Effect: 'Allow', Action: statement.actions, Resource });
  }
  statements.push(...pruneStatements(target));
  if (options.preview) statements.push(...previewStatements(project, target));
  // `trailsight doctor` reads only, in plan's role as in publish's.
  return { Version: '2012-10-17', Statement: [...(options.readOnly ? readOnly(statements) : statements), ...doctorStatements(project, target)] };
}

/** `trailsight doctor`: who is there in QuickSight, the trail, one day's listing, the workgroup, the service role's permissions. */
function doctorStatements(project: ProjectSpec, target: ResolvedTarget): Statement[] {
  const p = partition(target.region);
  const prefix = project.source.prefix ?? '';
  const workgroup = workGroupName(project, target);
  const namespace = `arn:${p}:quicksight:${target.region}:${target.account}:namespace/${project.quicksight.namespace ?? 'default'}`;
  const principals = [...(target.principals.owners ?? []), ...(target.principals.viewers ?? [])];
  return [
    { Sid: 'DoctorQuickSightAccount', Effect: 'Allow', Action: ['quicksight:DescribeAccountSubscription'], Resource: '*' },
    {
      Sid: 'DoctorQuickSightPrincipals',
      Effect: 'Allow',
      Action: ['quicksight:DescribeNamespace', 'quicksight:DescribeUser', 'quicksight:DescribeGroup'],
      Resource: [...new Set([namespace, ...principals])],
    },
    // DescribeTrails has no resource-level permissions; an organization trail lives in the management account.
    {
      Sid: 'DoctorTrail',
      Effect: 'Allow',
      Action: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors', 'cloudtrail:GetInsightSelectors'],
      Resource: '*',
    },
    {
      Sid: 'DoctorListLogs',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: `arn:${p}:s3:::${project.source.bucket}`,
      Condition: { StringLike: { 's3:prefix': `${prefix}AWSLogs/*` } },
    },
    {
      Sid: 'DoctorWorkGroup',
      Effect: 'Allow',
      Action: ['athena:GetWorkGroup'],
      Resource: `arn:${p}:athena:${target.region}:${target.account}:workgroup/${workgroup}`,
    },
    {
      Sid: 'DoctorServiceRole',
      Effect: 'Allow',
      Action: ['iam:SimulatePrincipalPolicy'],
      Resource: `arn:${p}:iam::${target.account}:role/${QUICKSIGHT_SERVICE_ROLE}`,
    },
  ];
}

/** What a kind adds to its statement: its actions (for its resources), the scope it needs, its resources' ARNs. */
function kindStatement<K extends KindName>(name: K, target: ResolvedTarget, resources: readonly DesiredResource[]) {
  const kind = kindOf(name);
  const own = resources.filter((r): r is ResourceOf[K] => r.kind === name);
  return { sid: kind.iam.statement, actions: kind.iam.actions(own), scope: kind.iam.scope?.(target) ?? [], arns: own.map((r) => kind.arn(target, r.id)) };
}

const READ_ACTION = /^[a-z0-9]+:(Describe|Get|List)[A-Za-z]*$/;

function readOnly(statements: readonly Statement[]): Statement[] {
  return statements
    .map((s) => ({ ...s, Action: s.Action.filter((a) => READ_ACTION.test(a) && !/^s3:|^athena:GetQuery/.test(a)) }))
    .filter((s) => s.Action.length > 0);
}

/** `publish --prune`: list each pruned kind, read tags, delete only what carries this target's trailsight tags. */
function pruneStatements(target: ResolvedTarget): Statement[] {
  const pruned = kindsInOrder().flatMap((kind) => (kind.pruning ? [{ kind, iam: kind.pruning.iam }] : []));
  const all = pruned.map(({ kind }) => kind.arn(target, `${target.idPrefix}*`));
  const unique = (actions: string[]) => [...new Set(actions)];
  return [
    { Sid: 'PruneListQuickSight', Effect: 'Allow', Action: unique(pruned.map((p) => p.iam.list)), Resource: '*' },
    { Sid: 'PruneReadTags', Effect: 'Allow', Action: unique(pruned.map((p) => p.iam.readTags)), Resource: all },
    {
      Sid: 'PruneDeleteOwnResources',
      Effect: 'Allow',
      Action: unique(pruned.map((p) => p.iam.delete)),
      Resource: all,
      Condition: { StringEquals: { [`aws:ResourceTag/${MANAGED_BY.key}`]: MANAGED_BY.value, [`aws:ResourceTag/${TARGET_TAG}`]: target.name } },
    },
  ];
}

/** `preview --target T`: read the dashboards back and run their queries through Athena. */
function previewStatements(project: ProjectSpec, target: ResolvedTarget): Statement[] {
  const p = partition(target.region);
  const workgroup = workGroupName(project, target);
  const prefix = project.source.prefix ?? '';
  const results = project.athena.outputLocation?.replace(/^s3:\/\//, '');
  const database = glueDatabaseName(project, target);
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
    // The dashboards, datasets, data source, themes and folders' members are read with the actions granted above.
    { Sid: 'PreviewListDashboards', Effect: 'Allow', Action: ['quicksight:ListDashboards', 'quicksight:ListFolders'], Resource: '*' },
  ];
}
