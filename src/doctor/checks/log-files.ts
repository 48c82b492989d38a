import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { dayFolder, partitionKeyPrefix } from '../../compile/index.ts';
import type { DoctorContext } from '../context.ts';
import { awsError, fail, pass, type Finding } from '../finding.ts';

const TITLE = 'Recent log files where the table looks';
const DAY = 24 * 60 * 60 * 1000;

function dayPrefix(source: DoctorContext['project']['source'], account: string, region: string, timestamp: string): string {
  return partitionKeyPrefix(source, { account, region, timestamp });
}

/**
 * For every account and Region of the Project, at least one file delivered today or yesterday (UTC)
 * where the table's `storage.location.template` looks: one ListObjectsV2 (MaxKeys 1) per day.
 */
export async function checkLogFiles(ctx: DoctorContext): Promise<Finding> {
  const source = ctx.project.source;
  const days = [dayFolder(ctx.now.getTime()), dayFolder(ctx.now.getTime() - DAY)];
  const limit = pLimit(8);
  const pairs = source.accounts.flatMap((account) => source.regions.map((region) => ({ account, region })));
  const results = await Promise.all(pairs.map((pair) => limit(() => recentFiles(ctx, pair.account, pair.region, days))));
  const errors = results.filter((r) => r.error).map((r) => r.error);
  if (errors.length) {
    return fail(
      'log-files',
      TITLE,
      `listing s3://${source.bucket} failed: ${[...new Set(errors)].join('; ')}`,
      'allow s3:ListBucket on the bucket (see `trailsight iam-policy`); check source.bucket',
    );
  }
  const silent = results.filter((r) => !r.found).map((r) => `${r.account}/${r.region}`);
  const where = `s3://${source.bucket}/${dayPrefix(source, '<account>', '<region>', days[0] ?? '')}`;
  if (silent.length) {
    return fail(
      'log-files',
      TITLE,
      `no files since ${days[1]} for ${silent.length} of ${pairs.length} account/Region pairs (${silent.slice(0, 10).join(', ')}${silent.length > 10 ? ', …' : ''}) under ${where}`,
      'check the trail is logging, multi-Region, and delivering to this bucket and prefix; remove Regions or accounts the trail does not cover from source.regions / source.accounts',
    );
  }
  return pass('log-files', TITLE, `files of ${days[1]} or ${days[0]} for all ${pairs.length} account/Region pairs under ${where}`);
}

async function recentFiles(
  ctx: DoctorContext,
  account: string,
  region: string,
  days: readonly string[],
): Promise<{ account: string; region: string; found: boolean; error?: string }> {
  for (const day of days) {
    try {
      const listing = await ctx.clients.s3.send(
        new ListObjectsV2Command({ Bucket: ctx.project.source.bucket, Prefix: dayPrefix(ctx.project.source, account, region, day), MaxKeys: 1 }),
      );
      if ((listing.KeyCount ?? listing.Contents?.length ?? 0) > 0) return { account, region, found: true };
    } catch (error) {
      const { code, message } = awsError(error);
      return { account, region, found: false, error: `${code}: ${message}` };
    }
  }
  return { account, region, found: false };
}
