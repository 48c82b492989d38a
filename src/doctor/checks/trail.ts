import { DescribeTrailsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { trailKeyPrefix } from '../../compile/index.ts';
import type { DoctorContext, Learned } from '../context.ts';
import { awsError, fail, pass, type Finding } from '../finding.ts';

const TITLE = "The trail delivers to the Project's bucket and logs";

/**
 * A trail (the account's own, or its organization's shadow) delivers to the Project's bucket and
 * prefix, is logging, covers the Project's Regions, and is an organization trail exactly when the
 * Project names an organization. Returns the trail for the next checks.
 */
export async function checkTrail(ctx: DoctorContext, learned: Learned): Promise<{ finding: Finding; trail?: Trail }> {
  const source = ctx.project.source;
  const where = `s3://${source.bucket}/${source.prefix ?? ''}`;
  let trails: Trail[];
  try {
    trails = (await ctx.clients.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
  } catch (error) {
    const { code, message } = awsError(error);
    return { finding: fail('trail', TITLE, `DescribeTrails failed: ${code}: ${message}`, 'allow cloudtrail:DescribeTrails (see `trailsight iam-policy`)') };
  }
  const trail = trails.find((t) => t.S3BucketName === source.bucket && (t.S3KeyPrefix ?? '') === trailKeyPrefix(source));
  if (!trail) {
    const elsewhere = trails.map((t) => `${t.Name} → s3://${t.S3BucketName}/${t.S3KeyPrefix ? `${t.S3KeyPrefix}/` : ''}`).join(', ');
    return {
      finding: fail(
        'trail',
        TITLE,
        trails.length
          ? `no trail delivers to ${where}; the trails here deliver elsewhere: ${elsewhere}`
          : `no trail in ${ctx.target.region} of account ${ctx.target.account}`,
        trails.length
          ? 'set source.bucket and source.prefix in the Project to where the trail delivers, or change the trail'
          : "create a multi-Region trail to the Project's bucket (aws cloudtrail create-trail --is-multi-region-trail) and start logging",
      ),
    };
  }
  if (trail.KmsKeyId) learned.trailKmsKeyId = trail.KmsKeyId;
  const problems: string[] = [];
  const fixes: string[] = [];
  try {
    const status = await ctx.clients.cloudtrail.send(new GetTrailStatusCommand({ Name: trail.TrailARN ?? trail.Name ?? '' }));
    if (!status.IsLogging) {
      problems.push(`trail ${trail.Name} is not logging${status.StopLoggingTime ? ` (stopped ${status.StopLoggingTime.toISOString()})` : ''}`);
      fixes.push(`aws cloudtrail start-logging --name ${trail.TrailARN ?? trail.Name}`);
    }
    if (status.LatestDeliveryError) {
      problems.push(`its last delivery to S3 failed: ${status.LatestDeliveryError}`);
      fixes.push('let CloudTrail write to the bucket (its bucket policy, and the KMS key policy if encrypted)');
    }
  } catch (error) {
    const { code, message } = awsError(error);
    problems.push(`GetTrailStatus failed: ${code}: ${message}`);
    fixes.push('allow cloudtrail:GetTrailStatus (see `trailsight iam-policy`)');
  }
  const home = trail.HomeRegion ?? ctx.target.region;
  const otherRegions = source.regions.filter((r) => r !== home);
  if (!trail.IsMultiRegionTrail && otherRegions.length) {
    problems.push(`trail ${trail.Name} records ${home} only, but the Project reads ${otherRegions.join(', ')} too`);
    fixes.push(`make it multi-Region (aws cloudtrail update-trail --name ${trail.Name} --is-multi-region-trail) or list only ${home} in source.regions`);
  }
  if (source.organizationId && !trail.IsOrganizationTrail) {
    problems.push(
      `the Project names organization ${source.organizationId}, but trail ${trail.Name} is not an organization trail (its files are under AWSLogs/<account>/)`,
    );
    fixes.push('remove source.organizationId, or point the Project at the organization trail');
  }
  if (!source.organizationId && trail.IsOrganizationTrail) {
    problems.push(
      `trail ${trail.Name} is an organization trail (its files are under AWSLogs/o-…/<account>/), but the Project's source has no organizationId, so the table reads nothing`,
    );
    fixes.push('set source.organizationId to the organization id (aws organizations describe-organization)');
  }
  const summary = `trail ${trail.Name} → ${where}${trail.IsMultiRegionTrail ? ', multi-Region' : ''}${trail.IsOrganizationTrail ? ', organization' : ''}`;
  return {
    trail,
    finding: problems.length ? fail('trail', TITLE, `${summary}: ${problems.join('; ')}`, fixes.join('; ')) : pass('trail', TITLE, `${summary}, logging`),
  };
}
