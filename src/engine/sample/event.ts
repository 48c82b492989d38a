/** One CloudTrail record, with its keys in the order CloudTrail writes them. */
import type { Action, CallDetails } from './actions.ts';
import type { Random } from './random.ts';

export interface EventInput {
  rng: Random;
  time: number;
  account: string;
  region: string;
  identity: Record<string, unknown>;
  sourceIp: string;
  userAgent: string;
  console: boolean;
}

export interface CallInput extends EventInput {
  action: Pick<Action, 'service' | 'name' | 'readOnly' | 'data'>;
  details: CallDetails;
  error?: { code: string; message: string };
}

export const eventTime = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

function tls(rng: Random, host: string) {
  return {
    tlsVersion: rng.chance(0.8) ? 'TLSv1.3' : 'TLSv1.2',
    cipherSuite: rng.chance(0.8) ? 'TLS_AES_128_GCM_SHA256' : 'ECDHE-RSA-AES128-GCM-SHA256',
    clientProvidedHostHeader: host,
  };
}

function hostOf(service: string, region: string): string {
  if (service === 'iam') return 'iam.amazonaws.com';
  if (service === 's3') return `s3.${region}.amazonaws.com`;
  return `${service}.${region}.amazonaws.com`;
}

/** An API call (AwsApiCall). */
export function apiCall(input: CallInput): Record<string, unknown> {
  const { rng, action, details, error } = input;
  const service = input.identity.type === 'AWSService';
  const record: Record<string, unknown> = {
    eventVersion: action.data ? '1.09' : '1.10',
    userIdentity: input.identity,
    eventTime: eventTime(input.time),
    eventSource: `${action.service}.amazonaws.com`,
    eventName: action.name,
    awsRegion: input.region,
    sourceIPAddress: input.sourceIp,
    userAgent: input.userAgent,
  };
  if (error) {
    record.errorCode = error.code;
    record.errorMessage = error.message;
  }
  record.requestParameters = details.request ?? null;
  record.responseElements = error ? null : (details.response ?? null);
  if (details.additional) record.additionalEventData = details.additional;
  record.requestID = rng.uuid();
  record.eventID = rng.uuid();
  record.readOnly = action.readOnly;
  if (details.resources) record.resources = details.resources;
  record.eventType = 'AwsApiCall';
  record.managementEvent = !action.data;
  record.recipientAccountId = input.account;
  if (service) record.sharedEventID = rng.uuid();
  record.eventCategory = action.data ? 'Data' : 'Management';
  if (!service) {
    if (input.console) record.sessionCredentialFromConsole = 'true';
    record.tlsDetails = tls(rng, hostOf(action.service, input.region));
  }
  return record;
}

/** A console sign-in (AwsConsoleSignIn), successful or not. */
export function consoleLogin(input: EventInput & { success: boolean; mfa: boolean }): Record<string, unknown> {
  const { rng } = input;
  return {
    eventVersion: '1.08',
    userIdentity: input.identity,
    eventTime: eventTime(input.time),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: input.sourceIp,
    userAgent: input.userAgent,
    ...(input.success ? {} : { errorMessage: 'Failed authentication' }),
    requestParameters: null,
    responseElements: { ConsoleLogin: input.success ? 'Success' : 'Failure' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAUsed: input.mfa ? 'Yes' : 'No',
      ...(input.mfa ? { MFAIdentifier: `arn:aws:iam::${input.account}:mfa/${String(input.identity.userName ?? 'root')}` } : {}),
    },
    eventID: rng.uuid(),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: input.account,
    eventCategory: 'Management',
    tlsDetails: tls(rng, 'signin.aws.amazon.com'),
  };
}
