/**
 * The CloudTrail Insights table: one row per Insights event (the start or the end of a period of
 * unusual API call rate or error rate), with the fields AWS documents for trails.
 *
 * Sources (public AWS documentation; see README.md beside this file):
 * - the fields: "CloudTrail record contents for Insights events for trails",
 *   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 * - `insightDetails`, field by field, with an example block:
 *   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-insight-details.html
 * - whole records: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-events.html (a Start
 *   record), https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html (a
 *   Start and End pair), https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-insights-events-cli.html
 *   (ApiErrorRateInsight pairs with `errorCode` and `sourceEventCategory`; `insightSource` for data events)
 *
 * Types: every documented example writes the averages as JSON numbers with fractions (`9.82222E-5`,
 * `0.6`, `84.410596421`) and the durations as whole minutes (`5`, `11336`): `double` and `int`.
 * Everything else is text, as in the CloudTrail table.
 */
import { col, type Column, str, struct } from './columns.ts';

const double = { kind: 'double' } as const;
const int = { kind: 'int' } as const;

/** An `attributions[].insight` or `.baseline` entry: one value (a principal, user agent or error code) and its rate. */
const rates = (key: string, description: string): Column =>
  col(
    key,
    {
      kind: 'array',
      element: {
        kind: 'struct',
        fields: [
          str('value', 'A user identity ARN, a user agent, or an error code ("null" when the calls had none).'),
          col('average', double, 'Its calls (or errors) per minute over the period.'),
        ],
      },
    },
    description,
  );

const insightContext = struct('insightContext', 'What the unusual activity was, against the baseline, and who and what it came from.', [
  struct('statistics', 'The rate of the unusual activity against the baseline.', [
    struct('baseline', 'The normal rate.', [
      col('average', double, 'Calls (or errors) per minute on the API during the baseline period (the days before the Insights event).'),
    ]),
    struct('insight', 'The unusual rate.', [
      col('average', double, 'Calls (or errors) per minute: over the first minute in a Start event, over the whole period in an End event.'),
    ]),
    col('insightDuration', int, 'Minutes from the start to the end of the unusual activity.'),
    col('baselineDuration', int, 'Minutes of the baseline period (at least the seven days before the start, 10,080 minutes, on a trail).'),
  ]),
  col(
    'attributions',
    {
      kind: 'array',
      element: {
        kind: 'struct',
        fields: [
          str('attribute', 'What the entries are: userIdentityArn, userAgent or errorCode.'),
          rates('insight', 'The top five during the unusual activity, busiest first.'),
          rates('baseline', 'The top five during the baseline period.'),
        ],
      },
    },
    'The user identities, user agents and error codes behind the activity (at most five each).',
  ),
]);

/** The data columns, in the order the documented records have them. */
export const INSIGHTS_COLUMNS: readonly Column[] = [
  str('eventVersion', 'Version of the log event format.'),
  str('eventTime', 'When the unusual activity started (a Start event) or ended (an End event), UTC, ISO 8601, on the minute.'),
  str('awsRegion', 'Region of the unusual activity.'),
  str('eventID', 'CloudTrail-generated GUID, unique per event.'),
  str('eventType', 'Always AwsCloudTrailInsight.'),
  str('recipientAccountId', 'Account that received the event.'),
  str('sharedEventID', 'GUID the Start and the End event of one Insights event share: the Insights event id.'),
  struct('insightDetails', 'The Insights event: its state, API, type and context.', [
    str('state', 'Start or End.'),
    str('eventSource', 'Service of the API the activity was on (e.g. iam.amazonaws.com).'),
    str('eventName', 'The API the activity was on (e.g. CreateAccessKey).'),
    str('insightType', 'ApiCallRateInsight or ApiErrorRateInsight.'),
    str('errorCode', 'For ApiErrorRateInsight: the error code whose rate was unusual (e.g. AccessDenied).'),
    str('sourceEventCategory', 'The events analysed: Management or Data.'),
    str('insightSource', 'For Insights on data events: the trail whose events were analysed (ARN).'),
    insightContext,
  ]),
  str('eventCategory', 'Always Insight.'),
];
