import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Payloads that would run if any page turned CloudTrail text into markup. Each sets `window.__pwned`. */
export const PAYLOADS = {
  userAgent: '<script>window.__pwned = "userAgent"</script>',
  instanceId: '<img src=x onerror="window.__pwned = \'instanceId\'">',
  errorCode: '<svg onload="window.__pwned = \'errorCode\'">',
  errorMessage: '</script><script>window.__pwned = "errorMessage"</script><!--',
} as const;

export const HOSTILE_USER = 'mallory';

/**
 * One CloudTrail log file, in the S3 layout under `root` (the folder holding `AWSLogs/`), whose
 * TerminateInstances event by `mallory` carries the payloads in its user agent, request parameters
 * and error fields; and one Insights file beside it, whose Insights event on that call (an unusual
 * rate of its error) carries them in its error code and attributions.
 */
export async function writeHostileLog(root: string, input: { account: string; region: string; time: Date }): Promise<void> {
  const iso = input.time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [y, m, d] = iso.slice(0, 10).split('-');
  const event = {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAHOSTILEEXAMPLE00',
      arn: `arn:aws:iam::${input.account}:user/${HOSTILE_USER}`,
      accountId: input.account,
      accessKeyId: 'AKIAHOSTILEEXAMPLE00',
      userName: HOSTILE_USER,
    },
    eventTime: iso,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'TerminateInstances',
    awsRegion: input.region,
    sourceIPAddress: '203.0.113.66',
    userAgent: PAYLOADS.userAgent,
    errorCode: PAYLOADS.errorCode,
    errorMessage: PAYLOADS.errorMessage,
    requestParameters: { instancesSet: { items: [{ instanceId: PAYLOADS.instanceId }] }, force: false },
    responseElements: null,
    requestID: '11111111-2222-3333-4444-555555555555',
    eventID: '66666666-7777-8888-9999-000000000000',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: input.account,
    eventCategory: 'Management',
  };
  // The root user signing in from the same hostile browser: root usage is rare in the sample logs.
  const rootLogin = {
    eventVersion: '1.09',
    userIdentity: { type: 'Root', principalId: input.account, arn: `arn:aws:iam::${input.account}:root`, accountId: input.account },
    eventTime: iso,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: input.region,
    sourceIPAddress: '203.0.113.66',
    userAgent: PAYLOADS.userAgent,
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { LoginTo: PAYLOADS.instanceId, MobileVersion: 'No', MFAUsed: 'No' },
    eventID: '66666666-7777-8888-9999-000000000001',
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: input.account,
    eventCategory: 'Management',
  };
  const dir = join(root, 'AWSLogs', input.account, 'CloudTrail', input.region, y!, m!, d!);
  await mkdir(dir, { recursive: true });
  const name = `${input.account}_CloudTrail_${input.region}_${y}${m}${d}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z_hostile0000000000.json.gz`;
  await writeFile(join(dir, name), gzipSync(JSON.stringify({ Records: [event, rootLogin] })));
  const minute = `${iso.slice(0, 16)}:00Z`;
  const insight = (state: 'Start' | 'End', eventID: string) => ({
    eventVersion: '1.09',
    eventTime: minute,
    awsRegion: input.region,
    eventID,
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: input.account,
    sharedEventID: '66666666-7777-8888-9999-0000000000aa',
    insightDetails: {
      state,
      eventSource: 'ec2.amazonaws.com',
      eventName: 'TerminateInstances',
      insightType: 'ApiErrorRateInsight',
      errorCode: PAYLOADS.errorCode,
      sourceEventCategory: 'Management',
      insightContext: {
        statistics: { baseline: { average: 0 }, insight: { average: 1 }, insightDuration: 1, baselineDuration: 10080 },
        attributions: [
          { attribute: 'userIdentityArn', insight: [{ value: PAYLOADS.instanceId, average: 1 }], baseline: [] },
          { attribute: 'userAgent', insight: [{ value: PAYLOADS.userAgent, average: 1 }], baseline: [] },
        ],
      },
    },
    eventCategory: 'Insight',
  });
  const insights = join(root, 'AWSLogs', input.account, 'CloudTrail-Insight', input.region, y!, m!, d!);
  await mkdir(insights, { recursive: true });
  const insightsName = `${input.account}_CloudTrail-Insight_${input.region}_${y}${m}${d}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z_hostile0000000000.json.gz`;
  await writeFile(
    join(insights, insightsName),
    gzipSync(JSON.stringify({ Records: [insight('Start', '66666666-7777-8888-9999-0000000000ab'), insight('End', '66666666-7777-8888-9999-0000000000ac')] })),
  );
}
