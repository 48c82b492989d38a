import type { RefusalKind } from '../admission/refusal.ts';

export type Protocol = 'rest-json' | 'json11' | 'query' | 'rest-xml';

export interface ErrorName {
  readonly type: string;
  readonly status: number;
}

/** What each AWS protocol accepts before a request reaches a service, and how it names refusals. */
export interface ProtocolRules {
  /** The media types its clients send (`Content-Type` without parameters); none is fine without a body. */
  readonly mediaTypes: readonly string[];
  /** The largest request body read; a larger one is refused with 413 before it is read. */
  readonly maxBodyBytes: number;
  readonly refusals: Readonly<Record<RefusalKind, ErrorName>>;
}

const MiB = 1024 * 1024;

/**
 * The error codes AWS's JSON services (REST-JSON and JSON 1.x) answer for requests they refuse at
 * the front door: `MissingAuthenticationTokenException`, `UnrecognizedClientException` for an
 * unknown access key, `InvalidSignatureException` for a wrong or expired signature.
 */
const JSON_REFUSALS: Readonly<Record<RefusalKind, ErrorName>> = {
  'foreign-host': { type: 'AccessDeniedException', status: 403 },
  'cross-site': { type: 'AccessDeniedException', status: 403 },
  'media-type': { type: 'SerializationException', status: 400 },
  'too-large': { type: 'RequestEntityTooLargeException', status: 413 },
  'bad-target': { type: 'SerializationException', status: 400 },
  'missing-signature': { type: 'MissingAuthenticationTokenException', status: 403 },
  'incomplete-signature': { type: 'IncompleteSignatureException', status: 403 },
  'unknown-key': { type: 'UnrecognizedClientException', status: 403 },
  'bad-signature': { type: 'InvalidSignatureException', status: 403 },
};

/** The same refusals as the Query protocol (STS, IAM) names them. */
const QUERY_REFUSALS: Readonly<Record<RefusalKind, ErrorName>> = {
  'foreign-host': { type: 'AccessDenied', status: 403 },
  'cross-site': { type: 'AccessDenied', status: 403 },
  'media-type': { type: 'MalformedQueryString', status: 400 },
  'too-large': { type: 'RequestEntityTooLarge', status: 413 },
  'bad-target': { type: 'MalformedQueryString', status: 400 },
  'missing-signature': { type: 'MissingAuthenticationToken', status: 403 },
  'incomplete-signature': { type: 'IncompleteSignature', status: 403 },
  'unknown-key': { type: 'InvalidClientTokenId', status: 403 },
  'bad-signature': { type: 'SignatureDoesNotMatch', status: 403 },
};

/** The same refusals as S3 names them (REST-XML). */
const S3_REFUSALS: Readonly<Record<RefusalKind, ErrorName>> = {
  'foreign-host': { type: 'AccessDenied', status: 403 },
  'cross-site': { type: 'AccessDenied', status: 403 },
  'media-type': { type: 'InvalidRequest', status: 400 },
  'too-large': { type: 'EntityTooLarge', status: 400 },
  'bad-target': { type: 'InvalidRequest', status: 400 },
  'missing-signature': { type: 'AccessDenied', status: 403 },
  'incomplete-signature': { type: 'AuthorizationHeaderMalformed', status: 400 },
  'unknown-key': { type: 'InvalidAccessKeyId', status: 403 },
  'bad-signature': { type: 'SignatureDoesNotMatch', status: 403 },
};

/**
 * Body limits: 10 MiB for the JSON protocols (API Gateway's and most JSON services' payload limit;
 * QuickSight's largest definitions are a few MiB); 1 MiB for Query, whose STS calls are a few
 * hundred bytes.
 */
export const PROTOCOL_RULES: Readonly<Record<Protocol, ProtocolRules>> = {
  'rest-json': { mediaTypes: ['application/json'], maxBodyBytes: 10 * MiB, refusals: JSON_REFUSALS },
  json11: { mediaTypes: ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'], maxBodyBytes: 10 * MiB, refusals: JSON_REFUSALS },
  query: { mediaTypes: ['application/x-www-form-urlencoded'], maxBodyBytes: 1 * MiB, refusals: QUERY_REFUSALS },
  // Only S3's bucket listing is served: requests without a body.
  'rest-xml': { mediaTypes: ['application/xml'], maxBodyBytes: 64 * 1024, refusals: S3_REFUSALS },
};
