/**
 * The CloudTrail table as AWS documents it for Athena
 * ("Create the table for CloudTrail logs in Athena using partition projection").
 *
 * This module is the one place that owns the columns: the Glue table, the local engine,
 * the linter and the compiler all read them from here.
 */

/** A Hive/Athena column type, as a small tree so every consumer can render it its own way. */
export type ColumnType =
  | { kind: 'string' }
  | { kind: 'double' }
  | { kind: 'int' }
  | { kind: 'map'; key: 'string'; value: 'string' }
  | { kind: 'struct'; fields: readonly Column[] }
  | { kind: 'array'; element: ColumnType };

export interface Column {
  /** Lower-case, as Athena presents it. */
  readonly name: string;
  /** The record key in a CloudTrail event (camelCase), when it differs from `name`. */
  readonly key: string;
  readonly type: ColumnType;
  readonly description: string;
}

const string = { kind: 'string' } as const;

/** A column (or struct field) named by its record key; Athena's name is the key in lower case. */
export function col(key: string, type: ColumnType, description: string): Column {
  return { name: key.toLowerCase(), key, type, description };
}
export const str = (key: string, description: string): Column => col(key, string, description);
export const struct = (key: string, description: string, fields: Column[]): Column => col(key, { kind: 'struct', fields }, description);

const sessionIssuer = struct('sessionIssuer', 'The identity that issued the temporary credentials.', [
  str('type', 'Source of the credentials: Root, IAMUser or Role.'),
  str('principalId', 'Internal ID of the issuing entity.'),
  str('arn', 'ARN of the issuing entity.'),
  str('accountId', 'Account that owns the issuing entity.'),
  str('userName', 'Friendly name of the issuing user or role.'),
]);

const userIdentity = struct('userIdentity', 'Who made the request.', [
  str('type', 'Identity type: Root, IAMUser, AssumedRole, FederatedUser, AWSService, AWSAccount, IdentityCenterUser…'),
  str('principalId', 'Unique identifier of the entity that made the call.'),
  str('arn', 'ARN of the principal that made the call.'),
  str('accountId', 'Account that owns the entity that granted permissions.'),
  str('invokedBy', 'The AWS service that made the request, when one did.'),
  str('accessKeyId', 'Access key ID used to sign the request.'),
  str('userName', 'Friendly name of the identity (IAM user or root).'),
  struct('onBehalfOf', 'IAM Identity Center user on whose behalf the call was made.', [
    str('userId', 'Identity Center user ID.'),
    str('identityStoreArn', 'ARN of the identity store.'),
  ]),
  struct('sessionContext', 'Session details for temporary credentials.', [
    struct('attributes', 'Session attributes.', [
      str('mfaAuthenticated', '"true" when the root user or IAM user signed in with MFA.'),
      str('creationDate', 'When the temporary credentials were issued (ISO 8601).'),
    ]),
    sessionIssuer,
    str('ec2RoleDelivery', 'Instance metadata service version that delivered the credentials.'),
    struct('webIdFederationData', 'Web identity federation details.', [
      str('federatedProvider', 'Identity provider that authenticated the caller.'),
      col('attributes', { kind: 'map', key: 'string', value: 'string' }, 'Provider attributes.'),
    ]),
  ]),
]);

/** The data columns, in the order of AWS's documented CREATE TABLE statement. */
export const CLOUDTRAIL_COLUMNS: readonly Column[] = [
  str('eventVersion', 'Version of the log event format.'),
  userIdentity,
  str('eventTime', 'When the request completed, UTC, ISO 8601 (e.g. 2026-11-24T09:15:02Z).'),
  str('eventSource', 'Service the request was made to (e.g. ec2.amazonaws.com).'),
  str('eventName', 'The requested action (e.g. StopInstances).'),
  str('awsRegion', 'Region the request was made to.'),
  str('sourceIPAddress', 'IP address the request came from, or the calling service name.'),
  str('userAgent', 'Agent through which the request was made. Untrusted text.'),
  str('errorCode', 'AWS error code when the request failed (e.g. AccessDenied).'),
  str('errorMessage', 'Error message when the request failed. Untrusted text.'),
  str('requestParameters', 'Request parameters, as JSON text.'),
  str('responseElements', 'Response elements of write actions, as JSON text.'),
  str('additionalEventData', 'Additional data about the event, as JSON text.'),
  str('requestID', 'Service-generated request ID.'),
  str('eventID', 'CloudTrail-generated GUID, unique per event.'),
  str('readOnly', '"true" for read-only operations.'),
  col(
    'resources',
    {
      kind: 'array',
      element: {
        kind: 'struct',
        fields: [str('ARN', 'Resource ARN.'), str('accountId', 'Account that owns the resource.'), str('type', 'Resource type (e.g. AWS::EC2::Instance).')],
      },
    },
    'Resources accessed by the event.',
  ),
  str('eventType', 'AwsApiCall, AwsServiceEvent, AwsConsoleSignIn, AwsConsoleAction, AwsCloudTrailInsight.'),
  str('apiVersion', 'API version of the service called.'),
  str('recipientAccountId', 'Account that received the event.'),
  str('serviceEventDetails', 'Details of a service event, as JSON text.'),
  str('sharedEventID', 'GUID shared by the copies of a cross-account event.'),
  str('vpcEndpointId', 'VPC endpoint the request went through.'),
  str('vpcEndpointAccountId', 'Account that owns the VPC endpoint.'),
  str('eventCategory', 'Management, Data, NetworkActivity or Insight.'),
  struct('addendum', 'Why an event was delivered late or changed.', [
    str('reason', 'Reason for the addendum.'),
    str('updatedFields', 'Fields that were updated.'),
    str('originalRequestID', 'Request ID of the original event.'),
    str('originalEventID', 'Event ID of the original event.'),
  ]),
  str('sessionCredentialFromConsole', '"true" when the session came from the console.'),
  str('edgeDeviceDetails', 'Edge device details, as JSON text.'),
  struct('tlsDetails', 'TLS details of the request.', [
    str('tlsVersion', 'TLS version.'),
    str('cipherSuite', 'Cipher suite.'),
    str('clientProvidedHostHeader', 'Host header the client sent.'),
  ]),
];

/** Data columns whose JSON value the CloudTrail SerDe keeps as JSON text. */
export const JSON_TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'requestparameters',
  'responseelements',
  'additionaleventdata',
  'serviceeventdetails',
  'edgedevicedetails',
]);

/**
 * Partition columns, taken from the S3 key
 * `AWSLogs/[o-…/]<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/…` (`CloudTrail-Insight/` for
 * Insights events) and projected by Athena.
 */
export const PARTITION_COLUMNS: readonly Column[] = [
  str('account', 'Account ID from the log file path (partition).'),
  str('region', 'Region from the log file path (partition).'),
  col('timestamp', string, 'Delivery day from the log file path, as yyyy/MM/dd (partition).'),
];

/** Every column a query over the table can name: data columns, then partition columns. */
export const ALL_COLUMNS: readonly Column[] = [...CLOUDTRAIL_COLUMNS, ...PARTITION_COLUMNS];
