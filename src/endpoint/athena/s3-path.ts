import { join, normalize, resolve, sep } from 'node:path';

/**
 * A bucket's key prefix served from a folder the embedding process names (`startEndpoint`'s
 * `s3Mounts`; no request can set one): the local target reads the user's logs where they are,
 * without linking them into the S3 root. Mounted folders are only ever read.
 */
export interface S3Mount {
  readonly bucket: string;
  /** `''` for the whole bucket, else a key prefix ending with `/` (e.g. `org-trail/AWSLogs/`). */
  readonly prefix: string;
  /** The folder holding the keys below the prefix. */
  readonly dir: string;
}

/** Where an s3:// location is on disk. */
export interface S3Location {
  readonly path: string;
  /** The folder it must stay inside, links followed: the S3 root, or the mount's folder. */
  readonly within: string;
  /** Whether it is in a mount (the user's files: read, never written or created). */
  readonly mounted: boolean;
}

const S3_URI = /^s3a?:\/\/([^/]+)\/?(.*)$/s;

/**
 * `s3://BUCKET/KEY` → `<dir>/<KEY after the prefix>` under the mount with the longest matching
 * prefix, else `<s3Root>/BUCKET/KEY`. Undefined when it is not an S3 URI, or when the bucket or a
 * key segment is `.` or `..` (a key is a name in S3, never a way up a folder tree).
 */
export function s3Location(uri: string, files: { s3Root: string; mounts?: readonly S3Mount[] }): S3Location | undefined {
  const match = S3_URI.exec(uri.trim());
  if (!match) return undefined;
  const [, bucket, key] = match as unknown as [string, string, string];
  if (isDots(bucket) || key.split('/').some(isDots)) return undefined;
  const mount = (files.mounts ?? [])
    .filter((m) => m.bucket === bucket && (key.startsWith(m.prefix) || `${key}/` === m.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  const [within, rest] = mount ? [resolve(mount.dir), key.slice(mount.prefix.length)] : [resolve(files.s3Root), join(bucket, key)];
  const path = normalize(join(within, rest)).replace(/(.)[\\/]+$/, '$1');
  // Belt and braces: with no dot segments, nothing can lead above `within`.
  if (path !== within && !path.startsWith(within.endsWith(sep) ? within : within + sep)) return undefined;
  return { path, within, mounted: !!mount };
}

/** `s3://BUCKET/KEY` → `<s3Root>/BUCKET/KEY` (mounts aside: for what the endpoint writes). */
export function s3ToPath(s3Root: string, uri: string): string | undefined {
  return s3Location(uri, { s3Root })?.path;
}

/** Throws unless every mount names a bucket, a prefix that is `''` or ends with `/` and has no dot segments, and a folder. */
export function checkS3Mounts(mounts: readonly S3Mount[]): void {
  for (const m of mounts) {
    const ok =
      m.bucket !== '' &&
      !m.bucket.includes('/') &&
      !isDots(m.bucket) &&
      (m.prefix === '' || m.prefix.endsWith('/')) &&
      !m.prefix.split('/').some(isDots) &&
      m.dir !== '';
    if (!ok)
      throw new Error(`s3 mount ${JSON.stringify(m)}: needs a bucket, a key prefix that is empty or ends with '/' without '.' or '..' segments, and a folder`);
  }
}

function isDots(segment: string): boolean {
  return segment === '.' || segment === '..';
}
