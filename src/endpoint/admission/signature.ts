import { createHash, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { header, type EndpointRequest } from '../request.ts';
import { NodeSha256 } from './node-sha256.ts';
import { Refusal } from './refusal.ts';

/** The one key pair a non-loopback endpoint accepts signatures from. */
export interface EndpointCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** AWS refuses a signature dated more than 15 minutes from its clock either way. */
const MAX_SKEW_MS = 15 * 60 * 1000;

const AUTHORIZATION = /^AWS4-HMAC-SHA256\s+(.*)$/s;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

interface Authorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/**
 * Verifies a request's SigV4 `Authorization` header as AWS does: the key is the endpoint's, the
 * date within 15 minutes of `now`, Host signed, the body's hash (when sent) the body's, and the
 * signature the one the endpoint computes (with @smithy/signature-v4, the SDK's own signer, over
 * the headers the caller signed). Throws a `Refusal` naming what is wrong.
 */
export async function verifySignature(request: EndpointRequest, credentials: EndpointCredentials, now: number): Promise<void> {
  const auth = parseAuthorization(request);
  if (auth.accessKeyId !== credentials.accessKeyId) throw new Refusal('unknown-key', 'The security token included in the request is invalid.');
  const signedAt = signingDate(request, auth);
  if (Math.abs(now - signedAt.getTime()) > MAX_SKEW_MS) {
    const direction = signedAt.getTime() < now ? 'is now earlier than' : 'is still later than';
    throw new Refusal(
      'bad-signature',
      `Signature expired: ${amzDate(signedAt)} ${direction} the endpoint's time ${amzDate(new Date(now))} by more than 15 min.`,
    );
  }
  if (!auth.signedHeaders.includes('host')) throw new Refusal('bad-signature', "'Host' must be a signed header in the AWS Authorization.");
  checkPayloadHash(request);
  const expected = await computeSignature(request, auth, credentials, signedAt);
  if (!sameHex(expected, auth.signature))
    throw new Refusal(
      'bad-signature',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
}

function parseAuthorization(request: EndpointRequest): Authorization {
  const value = header(request, 'authorization');
  if (value === undefined) {
    if (request.query.has('X-Amz-Signature'))
      throw new Refusal('incomplete-signature', 'Presigned URLs are not accepted by this endpoint; sign the Authorization header.');
    throw new Refusal('missing-signature', 'Missing Authentication Token: this endpoint requires SigV4-signed requests (set AWS credentials in the client).');
  }
  const match = AUTHORIZATION.exec(value);
  if (!match)
    throw new Refusal('incomplete-signature', `Authorization header must use AWS4-HMAC-SHA256, got ${JSON.stringify(value.split(/\s/)[0]!.slice(0, 40))}.`);
  const parts = new Map(
    match[1]!.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !parts.get(name));
  if (missing.length > 0) throw new Refusal('incomplete-signature', missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  const scope = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(parts.get('Credential')!);
  if (!scope) throw new Refusal('incomplete-signature', "Credential must be '<access key id>/<yyyymmdd>/<region>/<service>/aws4_request'.");
  // The pattern's four groups take part in every match.
  return {
    accessKeyId: scope[1]!,
    date: scope[2]!,
    region: scope[3]!,
    service: scope[4]!,
    signedHeaders: parts.get('SignedHeaders')!.toLowerCase().split(';'),
    signature: parts.get('Signature')!,
  };
}

function signingDate(request: EndpointRequest, auth: Authorization): Date {
  const text = header(request, 'x-amz-date') ?? '';
  const match = AMZ_DATE.exec(text);
  if (!match) throw new Refusal('incomplete-signature', "Authorization header requires existence of a valid 'X-Amz-Date' header (yyyyMMdd'T'HHmmss'Z').");
  // AMZ_DATE's six groups take part in every match.
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (Number.isNaN(date.getTime()) || amzDate(date) !== text) throw new Refusal('incomplete-signature', `X-Amz-Date ${JSON.stringify(text)} is not a date.`);
  if (text.slice(0, 8) !== auth.date)
    throw new Refusal(
      'bad-signature',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${text.slice(0, 8)}'.`,
    );
  return date;
}

/** A body hash sent in `x-amz-content-sha256` is what the signature covers: it must be the body's. */
function checkPayloadHash(request: EndpointRequest): void {
  const sent = header(request, 'x-amz-content-sha256');
  if (sent === undefined) return;
  if (sent.toLowerCase() !== createHash('sha256').update(request.body).digest('hex'))
    throw new Refusal('bad-signature', "The provided 'x-amz-content-sha256' header does not match what was computed.");
}

async function computeSignature(request: EndpointRequest, auth: Authorization, credentials: EndpointCredentials, signedAt: Date): Promise<string> {
  const signer = new SignatureV4({ service: auth.service, region: auth.region, credentials, sha256: NodeSha256, applyChecksum: false });
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(request.query.keys())) {
    const values = request.query.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const signed = await signer.sign(
    { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path: request.path, query, headers, body: request.body },
    { signingDate: signedAt, signingRegion: auth.region, signingService: auth.service, signableHeaders: new Set(auth.signedHeaders) },
  );
  return /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
