import type { StorageFailure } from '../files/storage-failure.ts';

/**
 * The one line people are told when the local target's queries failed because the query cache
 * could not be written (the disk is full): every visual that needed it is empty, so the command
 * fails with this. Undefined when no query failed so.
 */
export function storageFailureNote(failures: readonly StorageFailure[]): string | undefined {
  if (failures.length === 0) return undefined;
  const places = [...new Map(failures.map((f) => [f.path, f])).values()].map((f) => `${f.path}: ${f.reason}`);
  return `local: the preview's queries failed: cannot write the query cache ${places.join('; ')} (free some space there and run again)`;
}
