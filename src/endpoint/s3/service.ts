import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Mount } from '../athena/s3-path.ts';
import { ServiceError } from '../errors.ts';
import { writeRestXml, writeRestXmlError } from '../protocols/rest-xml.ts';
import { parentElement, textElement } from '../protocols/xml.ts';
import type { EndpointRequest } from '../request.ts';
import type { ServiceHandler } from '../service.ts';
import { compareKeys, listKeys, type KeySource, type ListedKey } from './list-keys.ts';

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
/** S3's bucket names (path-style requests name the bucket first). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const MAX_KEYS = 1000;

interface ListInput {
  readonly Bucket: string;
  readonly Prefix?: string;
  readonly MaxKeys?: number;
  readonly ContinuationToken?: string;
  readonly StartAfter?: string;
  readonly Delimiter?: string;
}

/**
 * S3's read calls over the endpoint's files (path-style: `/<bucket>?list-type=2`): a bucket is
 * `<s3Root>/<bucket>/`, and a mounted prefix (the user's logs) is its folder. Only listing is
 * served — what `trailsight doctor` asks of a real bucket (are there recent log files?); Athena
 * reads the same files through the engine.
 */
export function s3Service(files: { s3Root: string; mounts: readonly S3Mount[] }): ServiceHandler {
  return {
    name: 's3',
    protocol: 'rest-xml',
    errors: { invalidInput: 'InvalidArgument', throttling: { type: 'SlowDown', status: 503 }, internal: 'InternalError' },
    parse: parseS3Request,
    async execute(operation, input) {
      if (operation === 'HeadBucket') {
        if (!bucketExists(files, String(input.Bucket))) throw new ServiceError('NotFound', 'Not Found', 404);
        return {};
      }
      return listObjects(files, input as unknown as ListInput);
    },
    write(response, operation, output, requestId) {
      if (operation === 'HeadBucket') {
        response.writeHead(200, { 'x-amz-request-id': requestId, 'content-length': 0 });
        response.end();
        return;
      }
      writeRestXml(response, output as string, requestId);
    },
    writeError: writeRestXmlError,
  };
}

/** `GET /<bucket>?list-type=2&prefix=…` → ListObjectsV2, `HEAD /<bucket>` → HeadBucket. */
function parseS3Request(request: EndpointRequest): { operation: string; input: Record<string, unknown> } {
  const segments = request.path.split('/').filter(Boolean);
  const bucket = segments.length === 1 ? safeDecode(segments[0] ?? '') : undefined;
  if (bucket === undefined || !BUCKET.test(bucket)) {
    throw new ServiceError(
      'NotImplemented',
      "trailsight's endpoint serves S3 bucket listings (GET /<bucket>?list-type=2, path-style) and HeadBucket only",
      501,
    );
  }
  if (request.method === 'HEAD') return { operation: 'HeadBucket', input: { Bucket: bucket } };
  if (request.method !== 'GET' || request.query.get('list-type') !== '2') {
    throw new ServiceError(
      'NotImplemented',
      "trailsight's endpoint serves S3 bucket listings (GET /<bucket>?list-type=2, path-style) and HeadBucket only",
      501,
    );
  }
  const q = request.query;
  const input: Record<string, unknown> = { Bucket: bucket };
  for (const [member, name] of [
    ['Prefix', 'prefix'],
    ['ContinuationToken', 'continuation-token'],
    ['StartAfter', 'start-after'],
    ['Delimiter', 'delimiter'],
    ['EncodingType', 'encoding-type'],
  ] as const) {
    const value = q.get(name);
    if (value !== null) input[member] = value;
  }
  const maxKeys = q.get('max-keys');
  if (maxKeys !== null) {
    if (!/^\d{1,9}$/.test(maxKeys)) throw new ServiceError('InvalidArgument', 'Provided max-keys not an integer or within integer range');
    input.MaxKeys = Number(maxKeys);
  }
  return { operation: 'ListObjectsV2', input };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function bucketExists(files: { s3Root: string; mounts: readonly S3Mount[] }, bucket: string): boolean {
  return files.mounts.some((m) => m.bucket === bucket) || existsSync(join(files.s3Root, bucket));
}

/** Where a bucket's keys are: its mounts, and its folder in the S3 root for every key no mount serves. */
function sourcesOf(files: { s3Root: string; mounts: readonly S3Mount[] }, bucket: string): KeySource[] {
  const mounts = files.mounts.filter((m) => m.bucket === bucket);
  const root = { keyPrefix: '', dir: join(files.s3Root, bucket), shadowed: mounts.map((m) => m.prefix).filter((p) => p !== '') };
  return [root, ...mounts.map((m) => ({ keyPrefix: m.prefix, dir: m.dir }))];
}

async function listObjects(files: { s3Root: string; mounts: readonly S3Mount[] }, input: ListInput): Promise<string> {
  if (!bucketExists(files, input.Bucket)) throw new ServiceError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: input.Bucket });
  if (input.Delimiter !== undefined) throw new ServiceError('NotImplemented', "trailsight's endpoint lists keys without a delimiter", 501);
  const prefix = input.Prefix ?? '';
  const maxKeys = Math.min(input.MaxKeys ?? MAX_KEYS, MAX_KEYS);
  const token = input.ContinuationToken === undefined ? undefined : decodeToken(input.ContinuationToken);
  const startAfter = [token ?? '', input.StartAfter ?? ''].sort(compareKeys)[1] ?? '';
  const listed: ListedKey[] = [];
  for (const source of sourcesOf(files, input.Bucket)) listed.push(...(await listKeys(source, prefix, startAfter, maxKeys + 1)));
  listed.sort((a, b) => compareKeys(a.key, b.key));
  const page = listed.slice(0, maxKeys);
  const truncated = listed.length > maxKeys;
  const last = page.at(-1);
  return parentElement(
    'ListBucketResult',
    [
      textElement('Name', input.Bucket),
      textElement('Prefix', prefix),
      textElement('StartAfter', input.StartAfter),
      textElement('ContinuationToken', input.ContinuationToken),
      textElement('KeyCount', page.length),
      textElement('MaxKeys', maxKeys),
      textElement('IsTruncated', truncated),
      ...(truncated && last ? [textElement('NextContinuationToken', Buffer.from(last.key, 'utf8').toString('base64'))] : []),
      ...page.map((k) =>
        parentElement('Contents', [
          textElement('Key', k.key),
          textElement('LastModified', k.lastModified.toISOString()),
          textElement('Size', k.size),
          textElement('StorageClass', 'STANDARD'),
        ]),
      ),
    ],
    { xmlns: S3_XMLNS },
  );
}

function decodeToken(token: string): string {
  const key = Buffer.from(token, 'base64').toString('utf8');
  if (!token || Buffer.from(key, 'utf8').toString('base64') !== token)
    throw new ServiceError('InvalidArgument', 'The continuation token provided is incorrect');
  return key;
}
