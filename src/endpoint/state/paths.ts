import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * How record keys become file paths under the state directory. Keys carry caller-chosen ids
 * (QuickSight ids, Glue names, Athena tokens): whatever they hold, a key's path stays inside the
 * directory and every file name fits the file system's limit (255 bytes on ext4, tmpfs, APFS).
 */

/** Longest encoded segment kept as is; longer ones are shortened with a hash (leaves room for `.json`). */
const MAX_SEGMENT_BYTES = 200;
/** What a shortened segment keeps of its encoding, to stay readable in a listing. */
const KEPT_PREFIX_BYTES = 120;

/**
 * File-name-safe: keeps letters, digits, `_` and `-`; escapes every other byte as `%XX` (so `.`, `/`
 * and `\` never survive and `.`/`..` cannot be produced); the empty segment is `%`. A segment
 * whose encoding is longer than 200 bytes becomes its first 120 bytes, `~` and a SHA-256 of the
 * whole segment: `~` is itself always escaped, so a shortened name never equals a kept one.
 */
export function encodeSegment(segment: string): string {
  if (segment === '') return '%';
  const encoded = Array.from(new TextEncoder().encode(segment), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9_-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  if (encoded.length <= MAX_SEGMENT_BYTES) return encoded;
  const digest = createHash('sha256').update(segment).digest('hex').slice(0, 40);
  return `${encoded.slice(0, KEPT_PREFIX_BYTES)}~${digest}`;
}

/** The segment a file or folder name stands for; undefined for a shortened (hashed) name. */
export function decodeSegment(encoded: string): string | undefined {
  if (encoded === '%') return '';
  if (encoded.includes('~')) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** The folder of a collection key, checked to lie inside `root`. */
export function collectionPath(root: string, key: readonly string[]): string {
  return inside(root, join(root, ...key.map(encodeSegment)));
}

/** The JSON file of a record key, checked to lie inside `root`. */
export function recordPath(root: string, key: readonly string[]): string {
  if (key.length === 0) throw new Error('a state record key needs at least one segment');
  return inside(root, `${join(root, ...key.map(encodeSegment))}.json`);
}

/** Defence in depth: the encoding already makes escaping impossible; this states it. */
function inside(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || rel.split(sep).some((p) => p === '.' || p === '..'))
    throw new Error(`state path ${path} is not inside ${root}`);
  return path;
}
