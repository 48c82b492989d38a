import { storageFailure } from '../../files/storage-failure.ts';

/** Other failures of a state file the person running the endpoint can act on. */
const OTHER_CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'a file name is too long',
  EIO: 'an input/output error',
};

/**
 * The state store could not read or write its files. A real server fault (the request was fine):
 * the endpoint answers it as the service's internal failure, with this message naming the path.
 */
export class StateStoreError extends Error {
  constructor(
    readonly operation: 'read' | 'write',
    readonly path: string,
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    super(`cannot ${operation} the endpoint's state at ${path}: ${describeCause(code, options.cause)}`, options);
    this.name = 'StateStoreError';
  }
}

function describeCause(code: string | undefined, cause: unknown): string {
  const reason = storageFailure(cause) ?? (code && Object.hasOwn(OTHER_CAUSES, code) ? OTHER_CAUSES[code] : undefined);
  if (reason) return code ? `${reason} (${code})` : reason;
  return cause instanceof Error ? cause.message : String(cause);
}

/** The `code` of a Node.js system error (`ENOSPC`, …), if it is one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
