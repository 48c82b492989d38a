import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { glueTableName } from '../../compile/index.ts';
import { glueDatabaseName } from '../../kinds/glue-database/identity.ts';
import { workGroupName } from '../../kinds/workgroup/identity.ts';
import type { DoctorContext, Learned } from '../context.ts';
import { QUICKSIGHT_SERVICE_ROLE } from '../../aws/quicksight-service-role.ts';
import { awsError, fail, notChecked, pass, type Finding } from '../finding.ts';

const TITLE = "QuickSight's service role can read the logs and use Athena";

/** What QuickSight's role must be allowed, on which resource: the most common reason a real dashboard shows nothing. */
export function serviceRoleNeeds(ctx: DoctorContext, learned: Learned): { actions: string[]; resource: string }[] {
  const { source, athena } = ctx.project;
  const { account, region } = ctx.target;
  // The names publish gives them in this target (its prefix applied), not the spec's.
  const database = glueDatabaseName(ctx.project, ctx.target);
  const needs = [
    { actions: ['s3:ListBucket', 's3:GetBucketLocation'], resource: `arn:aws:s3:::${source.bucket}` },
    { actions: ['s3:GetObject'], resource: `arn:aws:s3:::${source.bucket}/${source.prefix ?? ''}AWSLogs/*` },
    {
      actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults'],
      resource: `arn:aws:athena:${region}:${account}:workgroup/${workGroupName(ctx.project, ctx.target)}`,
    },
    // The trail's two tables: its events, and its Insights events (the Unusual activity dashboard's).
    ...(['logs', 'insights'] as const).map((kind) => ({
      actions: ['glue:GetTable', 'glue:GetDatabase', 'glue:GetPartitions'],
      resource: `arn:aws:glue:${region}:${account}:table/${database}/${glueTableName(ctx.project, kind)}`,
    })),
  ];
  const results = /^s3:\/\/([^/]+)\/(.*)$/.exec(athena.outputLocation ?? '');
  if (results) needs.push({ actions: ['s3:PutObject', 's3:GetObject'], resource: `arn:aws:s3:::${results[1]}/${results[2]}*` });
  if (learned.trailKmsKeyId) needs.push({ actions: ['kms:Decrypt'], resource: learned.trailKmsKeyId });
  return needs;
}

/** IAM's policy simulator, asked as QuickSight's service role, for each of those. */
export async function checkServiceRole(ctx: DoctorContext, learned: Learned): Promise<Finding> {
  if (ctx.local) return notChecked('service-role', TITLE, ctx.local.noIam);
  const role = `arn:aws:iam::${ctx.target.account}:role/${QUICKSIGHT_SERVICE_ROLE}`;
  const denied: string[] = [];
  try {
    for (const need of serviceRoleNeeds(ctx, learned)) {
      const answer = await ctx.clients.iam.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: need.actions, ResourceArns: [need.resource] }),
      );
      for (const result of answer.EvaluationResults ?? []) {
        if (result.EvalDecision !== 'allowed') denied.push(`${result.EvalActionName} on ${need.resource} (${result.EvalDecision})`);
      }
    }
  } catch (error) {
    const { code, message } = awsError(error);
    if (code === 'NoSuchEntityException') {
      return fail(
        'service-role',
        TITLE,
        `${role} does not exist`,
        'in QuickSight: Manage QuickSight → Security & permissions → AWS services: enable Amazon Athena and Amazon S3 (the bucket)',
      );
    }
    return fail(
      'service-role',
      TITLE,
      `the policy simulator failed: ${code}: ${message}`,
      'allow iam:SimulatePrincipalPolicy on the role (see `trailsight iam-policy`)',
    );
  }
  if (denied.length) {
    return fail(
      'service-role',
      TITLE,
      `${role} is not allowed ${denied.join('; ')}`,
      `in QuickSight: Manage QuickSight → Security & permissions → AWS services: enable Athena and tick s3://${ctx.project.source.bucket} (and the results bucket)${learned.trailKmsKeyId ? "; let the role use the trail's KMS key (kms:Decrypt in its key policy)" : ''}`,
    );
  }
  return pass('service-role', TITLE, `${role} may read the logs and use Athena, Glue${learned.trailKmsKeyId ? " and the trail's KMS key" : ''}`);
}
