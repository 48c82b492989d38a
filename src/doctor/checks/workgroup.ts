import { GetWorkGroupCommand } from '@aws-sdk/client-athena';
import { workGroupName } from '../../kinds/workgroup/identity.ts';
import type { DoctorContext } from '../context.ts';
import { awsError, fail, pass, type Finding } from '../finding.ts';

const TITLE = 'Athena workgroup and its output location';

/** The Project's workgroup exists and is enabled (or publish creates it) and query results have somewhere to go. */
export async function checkWorkgroup(ctx: DoctorContext): Promise<Finding> {
  const { createWorkgroup, outputLocation } = ctx.project.athena;
  // The workgroup publish creates in this target (its prefix applied), or the existing one named.
  const workgroup = workGroupName(ctx.project, ctx.target);
  let found;
  try {
    found = (await ctx.clients.athena.send(new GetWorkGroupCommand({ WorkGroup: workgroup }))).WorkGroup;
  } catch (error) {
    const { code, message } = awsError(error);
    const missing = code === 'InvalidRequestException' && /not found/i.test(message);
    if (missing && createWorkgroup)
      return pass('athena-workgroup', TITLE, `workgroup ${workgroup} does not exist yet; publish creates it (athena.createWorkgroup)`);
    return fail(
      'athena-workgroup',
      TITLE,
      missing ? `workgroup ${workgroup} does not exist` : `GetWorkGroup failed: ${code}: ${message}`,
      missing
        ? 'set athena.createWorkgroup: true, or name an existing workgroup in athena.workgroup'
        : 'allow athena:GetWorkGroup (see `trailsight iam-policy`)',
    );
  }
  if (found?.State !== 'ENABLED') {
    return fail(
      'athena-workgroup',
      TITLE,
      `workgroup ${workgroup} is ${found?.State ?? 'in an unknown state'}`,
      `aws athena update-work-group --work-group ${workgroup} --state ENABLED`,
    );
  }
  const configuration = found.Configuration;
  const output =
    configuration?.ResultConfiguration?.OutputLocation ??
    (configuration?.ManagedQueryResultsConfiguration?.Enabled ? 'managed query results' : undefined) ??
    outputLocation;
  if (!output) {
    return fail(
      'athena-workgroup',
      TITLE,
      `workgroup ${workgroup} has no query result location, and the Project gives none`,
      "set athena.outputLocation in the Project (s3://bucket/prefix/) or the workgroup's result location",
    );
  }
  return pass('athena-workgroup', TITLE, `workgroup ${workgroup} is enabled; results go to ${output}`);
}
