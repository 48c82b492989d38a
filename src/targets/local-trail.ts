import { trailKeyPrefix } from '../compile/index.ts';
import type { LocalTrail } from '../endpoint/cloudtrail/trail.ts';
import type { ProjectSpec } from '../language/schema/index.ts';
import type { LogsLayout } from './logs.ts';

export const LOCAL_TRAIL_NAME = 'trailsight-local';

/**
 * The trail the local endpoint describes to CloudTrail's read calls, inferred from the served logs:
 * it delivers to the Project's bucket and prefix (where the logs are mounted), for the Regions and,
 * organization-wide, the organization its folders show, and it has Insights selectors when its
 * folders hold Insights events (`CloudTrail-Insight/`). Which events it selects is not in the
 * folders, so that is left unknown (the endpoint says so) rather than guessed.
 */
export function localTrail(source: ProjectSpec['source'], layout: LogsLayout, where: { account: string; region: string }): LocalTrail {
  const prefix = trailKeyPrefix(source);
  return {
    trail: {
      Name: LOCAL_TRAIL_NAME,
      TrailARN: `arn:aws:cloudtrail:${where.region}:${where.account}:trail/${LOCAL_TRAIL_NAME}`,
      HomeRegion: where.region,
      S3BucketName: source.bucket,
      ...(prefix ? { S3KeyPrefix: prefix } : {}),
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: layout.regions.length > 1,
      IsOrganizationTrail: layout.organizationId !== undefined,
      LogFileValidationEnabled: false,
      HasCustomEventSelectors: false,
      HasInsightSelectors: layout.insightRegions.length > 0,
    },
    status: { IsLogging: true },
    unknownBecause:
      'the local trail is inferred from the folders of the logs served, which show where it delivers and for which accounts and Regions (and whether Insights events were delivered), not which events it selects',
  };
}

/** What to tell the user when the logs are an organization trail's and the Project says otherwise (or the reverse). */
export function organizationMismatch(source: ProjectSpec['source'], layout: LogsLayout): string | undefined {
  const found = layout.organizationId;
  const said = source.organizationId;
  if (found === said) return undefined;
  if (found && !said) {
    return `the logs are an organization trail's (AWSLogs/${found}/<account>/…) but the Project's source has no organizationId, so the table looks in AWSLogs/<account>/ and finds none of them: set source.organizationId: ${found}`;
  }
  if (!found && said) {
    return `the Project's source.organizationId is ${said}, so the table looks in AWSLogs/${said}/<account>/, but the logs are a single account's (AWSLogs/<account>/…): remove organizationId, or point --logs at the organization trail's logs`;
  }
  return `the logs are organization ${found}'s (AWSLogs/${found}/…), the Project's source.organizationId says ${said}: set it to ${found}`;
}
