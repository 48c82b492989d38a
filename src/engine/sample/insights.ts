/**
 * The Insights events CloudTrail would log for the scenario's burst: an `ApiCallRateInsight` (an
 * unusual rate of calls to the API) and an `ApiErrorRateInsight` (an unusual rate of its error), each
 * a Start and an End event sharing a `sharedEventID`, with the fields and key order of the records
 * AWS documents (src/cloudtrail/README.md). The numbers are counted, not made up: the burst's calls
 * per minute against the calls to the same API in the logs before it (`WatchedCall`s the slot writer
 * collected), over a baseline of at most the seven days before the burst.
 *
 * Where the logs are shorter than CloudTrail's baseline (AWS: "at minimum the seven days … preceding
 * an Insights event"), `baselineDuration` is what they cover. A Start event's statistics are over the
 * burst's first minute (its `insightDuration` 1), an End event's over the whole burst.
 */
import { eventTime } from './event.ts';
import { dayFolders, deliveryStamp } from './layout.ts';
import type { Random } from './random.ts';
import type { Burst } from './scenario.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A call to a watched API in the logs: who, with what, and its error (undefined: it succeeded). */
export interface WatchedCall {
  readonly time: number;
  readonly arn: string;
  readonly userAgent: string;
  readonly errorCode: string | undefined;
}

/** An API whose calls the slot writer collects, in an account and Region, before `to`. */
export interface WatchedApi {
  readonly account: string;
  readonly region: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly from: number;
  readonly to: number;
}

/** What the logs' first day and the burst make the watched window: at most the seven days before the burst's first minute. */
export function watchedApi(burst: Burst, firstDay: number): WatchedApi {
  const start = minuteOf(burst.times[0] ?? firstDay);
  return {
    account: burst.account,
    region: burst.region,
    eventSource: burst.eventSource,
    eventName: burst.eventName,
    from: Math.max(firstDay, start - 7 * DAY),
    to: start,
  };
}

/** Whether a written record is a call to the watched API; the call if so. */
export function watchedCall(api: WatchedApi, account: string, region: string, time: number, record: Record<string, unknown>): WatchedCall | undefined {
  if (record.eventName !== api.eventName || record.eventSource !== api.eventSource || account !== api.account || region !== api.region) return undefined;
  if (time < api.from || time >= api.to) return undefined;
  const identity = record.userIdentity as { arn?: string } | undefined;
  return {
    time,
    arn: identity?.arn ?? '',
    userAgent: String(record.userAgent ?? ''),
    errorCode: record.errorCode === undefined ? undefined : String(record.errorCode),
  };
}

/** One file of Insights events, at its S3 key. */
export interface InsightsFile {
  readonly key: string;
  readonly records: Record<string, unknown>[];
}

/** The two Insights events of the burst, Start and End, in the files CloudTrail delivers them in (the Start events a few minutes after the start, the End events after the end). */
export function insightFiles(options: { burst: Burst; api: WatchedApi; baseline: readonly WatchedCall[]; rng: Random }): InsightsFile[] {
  const { burst, api, rng } = options;
  const start = api.to;
  const last = burst.times.at(-1) ?? start;
  const end = minuteOf(last) + MINUTE;
  const period = { baselineMinutes: Math.round((api.to - api.from) / MINUTE), minutes: Math.round((end - start) / MINUTE) };
  const burstCalls: WatchedCall[] = burst.times.map((time) => ({ time, arn: burst.userArn, userAgent: burst.userAgent, errorCode: burst.errorCode }));
  const types = [
    { insightType: 'ApiCallRateInsight', counts: (_call: WatchedCall) => true, errorCode: undefined },
    { insightType: 'ApiErrorRateInsight', counts: (call: WatchedCall) => call.errorCode === burst.errorCode, errorCode: burst.errorCode },
  ] as const;
  const pairs = types.map((type) => ({ type, shared: rng.uuid() }));
  const record = (state: 'Start' | 'End') =>
    pairs.map(({ type, shared }) => {
      const until = state === 'Start' ? start + MINUTE : end;
      const unusual = burstCalls.filter((c) => c.time < until && type.counts(c));
      const usual = options.baseline.filter(type.counts);
      const minutes = state === 'Start' ? 1 : period.minutes;
      return {
        eventVersion: '1.09',
        eventTime: eventTime(state === 'Start' ? start : end),
        awsRegion: burst.region,
        eventID: rng.uuid(),
        eventType: 'AwsCloudTrailInsight',
        recipientAccountId: burst.account,
        sharedEventID: shared,
        insightDetails: {
          state,
          eventSource: burst.eventSource,
          eventName: burst.eventName,
          insightType: type.insightType,
          ...(type.errorCode ? { errorCode: type.errorCode } : {}),
          sourceEventCategory: 'Management',
          insightContext: {
            statistics: {
              baseline: { average: rate(usual.length, period.baselineMinutes) },
              insight: { average: rate(unusual.length, minutes) },
              insightDuration: minutes,
              baselineDuration: period.baselineMinutes,
            },
            attributions: [
              attribution('userIdentityArn', unusual, usual, minutes, period.baselineMinutes, (c) => c.arn),
              attribution('userAgent', unusual, usual, minutes, period.baselineMinutes, (c) => c.userAgent),
              // As documented, an error-rate Insights event attributes to identities and agents; a call-rate one to error codes too ("null": none).
              ...(type.errorCode ? [] : [attribution('errorCode', unusual, usual, minutes, period.baselineMinutes, (c) => c.errorCode ?? 'null')]),
            ],
          },
        },
        eventCategory: 'Insight',
      };
    });
  const starts = record('Start');
  const ends = record('End');
  return [
    { key: insightsFileKey(burst, start + 5 * MINUTE + rng.int(5 * MINUTE), rng.alnum(16)), records: starts },
    { key: insightsFileKey(burst, end + 5 * MINUTE + rng.int(5 * MINUTE), rng.alnum(16)), records: ends },
  ];
}

/** The top five values of what `key` reads, busiest first, with their calls per minute. */
function attribution(
  attribute: string,
  unusual: readonly WatchedCall[],
  usual: readonly WatchedCall[],
  minutes: number,
  baselineMinutes: number,
  key: (call: WatchedCall) => string,
) {
  const top = (calls: readonly WatchedCall[], over: number) => {
    const counts = new Map<string, number>();
    for (const call of calls) counts.set(key(call), (counts.get(key(call)) ?? 0) + 1);
    return [...counts]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, 5)
      .map(([value, n]) => ({ value, average: rate(n, over) }));
  };
  return { attribute, insight: top(unusual, minutes), baseline: top(usual, baselineMinutes) };
}

/** Calls per minute, to ten significant digits as CloudTrail writes them (`0.0000882145`, `84.410596421`). */
function rate(calls: number, minutes: number): number {
  return minutes > 0 ? Number((calls / minutes).toPrecision(10)) : 0;
}

function minuteOf(time: number): number {
  return Math.floor(time / MINUTE) * MINUTE;
}

/** `AWSLogs/<acct>/CloudTrail-Insight/<region>/YYYY/MM/DD/<acct>_CloudTrail-Insight_<region>_<stamp>_<suffix>.json.gz` */
export function insightsFileKey(where: { account: string; region: string }, delivered: number, suffix: string): string {
  const { account, region } = where;
  return `AWSLogs/${account}/CloudTrail-Insight/${region}/${dayFolders(delivered)}/${account}_CloudTrail-Insight_${region}_${deliveryStamp(delivered)}_${suffix}.json.gz`;
}
