/** Where storage failed (a folder or file) and why, in plain words. */
export interface StorageFailure {
  readonly path: string;
  readonly reason: string;
}

/** Failures of the machine's storage, not of what was being written: by errno code and by the words DuckDB uses. */
const FAILURES: readonly { code: string; words: RegExp; reason: string }[] = [
  { code: 'ENOSPC', words: /no space left on device/i, reason: 'no space left on the device' },
  { code: 'EDQUOT', words: /disk quota exceeded/i, reason: 'the disk quota is exceeded' },
  { code: 'EROFS', words: /read-only file system/i, reason: 'the file system is read-only' },
];

/**
 * Why a write failed, in plain words, when the storage is at fault (a full disk, a quota, a
 * read-only file system); undefined for any other failure. Looks through the error's `cause`s:
 * the engine wraps DuckDB's and the file system's errors in its own, naming the file.
 */
export function storageFailure(error: unknown): string | undefined {
  for (let at = error, depth = 0; at && depth < 8; at = (at as { cause?: unknown }).cause, depth++) {
    const { code, message } = at as { code?: unknown; message?: unknown };
    const found = FAILURES.find((f) => code === f.code || (typeof message === 'string' && f.words.test(message)));
    if (found) return found.reason;
  }
  return undefined;
}
