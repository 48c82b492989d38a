import { Type, type Static } from '@sinclair/typebox';
import { header, strict, Tags } from './common.ts';
import { S3_BUCKET_PATTERN, S3_BUCKET_RULES, S3_KEY_RULES, S3_PREFIX_PATTERN, S3_URI_PATTERN } from './s3-names.ts';

const AccountId = Type.String({ pattern: '^[0-9]{12}$', description: 'AWS account ID, 12 digits.' });
const Region = Type.String({ pattern: '^[a-z]{2}(-gov)?-[a-z]+-[0-9]$', description: 'AWS Region code, e.g. us-east-1.' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A day, YYYY-MM-DD.' });
const S3Uri = Type.String({ pattern: S3_URI_PATTERN, description: `An s3:// location: s3://bucket/key/ (bucket: ${S3_BUCKET_RULES}; key: ${S3_KEY_RULES}).` });
const GlueName = Type.String({ pattern: '^[a-z0-9_]{1,255}$', description: 'Glue name: lower-case letters, digits, underscores.' });
const PrincipalArn = Type.String({
  pattern: '^arn:[a-z-]+:quicksight:[a-z0-9-]+:[0-9]{12}:(user|group|namespace)/.+$',
  description: 'A QuickSight user, group or namespace ARN.',
});

export const Principals = strict(
  {
    owners: Type.Optional(Type.Array(PrincipalArn, { description: 'Principals who own (can edit, share and delete) what is published.' })),
    viewers: Type.Optional(Type.Array(PrincipalArn, { description: 'Principals who can view the published dashboards.' })),
  },
  'QuickSight principals and their access.',
);

export const Source = strict(
  {
    bucket: Type.String({ pattern: S3_BUCKET_PATTERN, description: `S3 bucket the trail delivers to: ${S3_BUCKET_RULES}.` }),
    prefix: Type.Optional(Type.String({ pattern: S3_PREFIX_PATTERN, description: `Key prefix before AWSLogs/ (empty for none): ${S3_KEY_RULES}.` })),
    organizationId: Type.Optional(
      Type.String({
        pattern: '^o-[a-z0-9]{10,32}$',
        description: "An organization trail's: the AWS Organizations id its files are under (AWSLogs/o-…/<account>/CloudTrail/…).",
      }),
    ),
    accounts: Type.Array(AccountId, { minItems: 1, description: 'Accounts whose logs the table covers (partition projection values).' }),
    regions: Type.Array(Region, { minItems: 1, description: 'Regions whose logs the table covers (partition projection values).' }),
    firstDay: Day,
    events: Type.Optional(
      Type.Array(Type.Union([Type.Literal('management'), Type.Literal('data'), Type.Literal('insights')]), {
        minItems: 1,
        uniqueItems: true,
        description: 'The events the trail is meant to record (default: management); `trailsight doctor` checks that it selects them.',
      }),
    ),
  },
  'Where CloudTrail delivers the logs: s3://bucket/prefix/AWSLogs/[<organizationId>/]<account>/CloudTrail/<region>/YYYY/MM/DD/ (Insights events: CloudTrail-Insight/ instead of CloudTrail/).',
);

export const Target = strict(
  {
    account: Type.Optional(AccountId),
    region: Type.Optional(Region),
    profile: Type.Optional(Type.String({ minLength: 1, description: 'Named AWS profile to take credentials from.' })),
    idPrefix: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]{0,32}$', description: 'Prefix put before every resource id in this target (e.g. "staging-").' }),
    ),
    principals: Type.Optional(Principals),
  },
  'A place to publish to: an AWS account and Region.',
);

export const ProjectSpec = strict(
  {
    ...header('Project', 'the CloudTrail source, Glue, Athena and QuickSight settings, and the targets'),
    source: Source,
    glue: strict(
      {
        database: GlueName,
        table: GlueName,
        insightsTable: Type.Optional(
          Type.String({
            pattern: '^[a-z0-9_]{1,255}$',
            description:
              "The Glue table of the trail's Insights events (its CloudTrail-Insight/ folders), created with the events' table (default cloudtrail_insights; free SQL names it cloudtrail_insights).",
          }),
        ),
      },
      "The Glue database and the trail's two tables trailsight creates: its events and its Insights events.",
    ),
    athena: strict(
      {
        workgroup: Type.String({ pattern: '^[a-zA-Z0-9._-]{1,128}$', description: 'Athena workgroup the data source queries with.' }),
        createWorkgroup: Type.Optional(Type.Boolean({ description: 'Create and manage the workgroup (default false: use an existing one).' })),
        outputLocation: Type.Optional(S3Uri),
      },
      'Athena settings.',
    ),
    quicksight: strict(
      {
        namespace: Type.Optional(Type.String({ pattern: '^[a-zA-Z0-9._-]{1,64}$', description: 'QuickSight namespace (default "default").' })),
        principals: Type.Optional(Principals),
      },
      'QuickSight settings.',
    ),
    tags: Type.Optional(Tags),
    targets: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' }), Target, {
        description: 'Named targets. "local" always exists and is the default.',
        additionalProperties: false,
      }),
    ),
  },
  'The project: one per repository.',
);

export type ProjectSpec = Static<typeof ProjectSpec>;
export type TargetSpec = Static<typeof Target>;
export type Principals = Static<typeof Principals>;
