import { S3_BUCKET_PATTERN, S3_BUCKET_RULES, S3_PREFIX_PATTERN, S3_URI_PATTERN } from '../schema/s3-names.ts';

/** Control characters and bidirectional marks, as S3_* patterns refuse them. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * Why a bucket, key prefix or s3:// location the schema refused is wrong, in plain words; undefined
 * when `pattern` is not one of the S3 patterns (or the value is not text).
 */
export function s3Problem(pattern: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (pattern === S3_BUCKET_PATTERN) return bucketProblem(value);
  if (pattern === S3_PREFIX_PATTERN) return keyProblem(value, true);
  if (pattern === S3_URI_PATTERN) return uriProblem(value);
  return undefined;
}

function bucketProblem(name: string): string {
  const control = CONTROL.exec(name);
  if (control) return `has a control character (${codeOf(control[0])}); a bucket name is ${S3_BUCKET_RULES}`;
  if (name.includes('/')) return "has a '/': a bucket name is letters, digits, dots and hyphens only (folders go in source.prefix)";
  if (/[A-Z]/.test(name)) return 'has upper-case letters: S3 bucket names are lower-case';
  if (/[^a-z0-9.-]/.test(name)) return 'has characters S3 refuses: a bucket name is lower-case letters, digits, dots and hyphens';
  if (name.length < 3 || name.length > 63) return `is ${name.length} characters long: S3 bucket names are 3 to 63`;
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'must start and end with a letter or digit';
  if (name.includes('..')) return "has two dots in a row ('..'), which S3 refuses";
  if (/^[0-9]{1,3}(\.[0-9]{1,3}){3}$/.test(name)) return 'looks like an IP address, which S3 refuses as a bucket name';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `starts with '${prefix}', a prefix S3 reserves`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `ends with '${suffix}', a suffix S3 reserves`;
  return `a bucket name is ${S3_BUCKET_RULES}`;
}

/** What is wrong with a key; `folder`: it must end with a slash (a prefix), else the last segment may lack one. */
function keyProblem(key: string, folder: boolean): string {
  const control = CONTROL.exec(key);
  if (control) return `has a control character (${codeOf(control[0])})`;
  if (key.includes('\\')) return "has a backslash: S3 keys separate their segments with '/'";
  if (key.startsWith('/')) return "starts with '/': a key is relative to its bucket (write 'logs/', not '/logs/')";
  const segments = key.split('/');
  const last = segments.pop()!;
  if (segments.includes('')) return "has an empty segment ('//')";
  const dots = [...segments, last].find((s) => s === '.' || s === '..');
  if (dots) return `has a '${dots}' segment: a key cannot climb out of its folder`;
  if (folder && last !== '') return "must end with '/' (e.g. 'org-trail/')";
  return "segments end with '/', none of them empty, '.' or '..'";
}

function uriProblem(uri: string): string {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/su.exec(uri);
  if (!match) return "must start with 's3://' (e.g. s3://my-athena-results/trailsight/)";
  const [, bucket, key] = match;
  if (!new RegExp(S3_BUCKET_PATTERN, 'u').test(bucket!)) return `the bucket '${bucket}' ${bucketProblem(bucket!)}`;
  // After `s3://bucket/`, a leading slash is an empty segment, not a path from the root.
  return `the key ${key?.startsWith('/') ? "has an empty segment ('//')" : keyProblem(key ?? '', false)}`;
}

/** `\u001b`: how a character no one can see is named in a message. */
function codeOf(char: string): string {
  return `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}
