import { join, normalize, sep } from 'node:path';

/** `s3://BUCKET/KEY` → `<s3Root>/BUCKET/KEY`; undefined when it is not an S3 URI or climbs out of the root. */
export function s3ToPath(s3Root: string, uri: string): string | undefined {
  const match = /^s3a?:\/\/([^/]+)\/?(.*)$/.exec(uri.trim());
  if (!match) return undefined;
  const path = normalize(join(s3Root, match[1], match[2]));
  return path === s3Root || path.startsWith(s3Root.endsWith(sep) ? s3Root : s3Root + sep) ? path : undefined;
}
