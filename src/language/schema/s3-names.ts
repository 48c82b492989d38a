/**
 * S3 bucket names and key prefixes as the Project may write them. A Project can come from a
 * stranger's pull request, and its bucket and prefix become paths on the machine that runs `plan`
 * (the local target serves `s3://BUCKET/KEY` from a folder): so a bucket follows S3's own naming
 * rules, and a key prefix is plain segments that cannot climb (`..`), start at the root (`/`), hide
 * an empty segment (`//`), use Windows separators (`\`) or carry control characters.
 */

/** Control characters (C0, DEL, C1) and bidirectional marks and overrides, as a regex class body. */
const CONTROLS = String.raw`\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`;

/**
 * A bucket name by S3's rules for general purpose buckets: 3–63 lower-case letters, digits, dots and
 * hyphens, a letter or digit at both ends, no `..`, not an IPv4 address, none of the reserved
 * prefixes and suffixes. `end` is what must follow the name (the end of text, or a slash).
 */
function bucketName(end: string): string {
  return (
    String.raw`(?!xn--|sthree-|amzn-s3-demo-)(?![a-z0-9.-]*\.\.)(?![0-9]{1,3}(?:\.[0-9]{1,3}){3}${end})` +
    String.raw`(?![a-z0-9.-]*(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)${end})[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]`
  );
}

/** One key segment: neither `.` nor `..`, no slash, backslash or control character. */
const SEGMENT = String.raw`(?!\.\.?(?:/|$))[^/\\${CONTROLS}]+`;

export const S3_BUCKET_PATTERN = `^${bucketName('$')}$`;

/** Segments each ending with a slash; empty for none. */
export const S3_PREFIX_PATTERN = `^(?:${SEGMENT}/)*$`;

/** `s3://bucket`, optionally followed by `/` and key segments (the last may lack its slash). */
export const S3_URI_PATTERN = `^s3://${bucketName('(?:/|$)')}(?:/(?:${SEGMENT}/)*(?:${SEGMENT})?)?$`;

export const S3_BUCKET_RULES =
  '3–63 lower-case letters, digits, dots and hyphens, a letter or digit at both ends, no two dots in a row, not an IP address, ' +
  "none of S3's reserved prefixes (xn--, sthree-, amzn-s3-demo-) or suffixes (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)";

export const S3_KEY_RULES = "segments ending with '/', none of them empty, '.' or '..'; no backslash, no control character";
