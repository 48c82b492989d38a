import type { TrailTableKind } from '../../cloudtrail/index.ts';
import type { GlueTable } from '../glue/keys.ts';

/**
 * The S3 prefix holding a Glue table's files: the part of `storage.location.template` before its
 * first `${…}` placeholder (partition projection), else `StorageDescriptor.Location`.
 */
export function tableLocation(table: Pick<GlueTable, 'Parameters' | 'StorageDescriptor'>): string | undefined {
  const template = table.Parameters?.['storage.location.template'];
  if (template) {
    const fixed = template.split('${')[0]!; // split gives at least one part
    return fixed.slice(0, fixed.lastIndexOf('/') + 1);
  }
  return table.StorageDescriptor?.Location;
}

/** Whether the table reads CloudTrail logs (the CloudTrail input format or SerDe), the only kind the engine reads. */
export function isCloudTrailTable(table: GlueTable): boolean {
  const sd = table.StorageDescriptor;
  return /cloudtrail/i.test(sd?.InputFormat ?? '') || /cloudtrail/i.test(sd?.SerdeInfo?.SerializationLibrary ?? '');
}

/**
 * Which of a trail's tables a CloudTrail table is, from the columns it declares, as Athena reads
 * them: one with an `insightdetails` column reads Insights records (its files are the
 * `CloudTrail-Insight/` folders'), any other the trail's events (never those folders' files).
 */
export function trailTableOf(table: GlueTable): TrailTableKind {
  return (table.StorageDescriptor?.Columns ?? []).some((c) => c.Name.toLowerCase() === 'insightdetails') ? 'insights' : 'logs';
}
