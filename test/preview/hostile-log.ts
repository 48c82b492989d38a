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
 * and error fields.
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
}
