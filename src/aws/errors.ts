/** Error names AWS uses for "no such resource" across QuickSight, Athena and Glue. */
const NOT_FOUND = new Set(['ResourceNotFoundException', 'EntityNotFoundException', 'NotFoundException']);
const EXISTS = new Set(['ResourceExistsException', 'AlreadyExistsException']);

function nameOf(error: unknown): string {
  return String((error as { name?: string })?.name ?? '');
}

export function isNotFound(error: unknown): boolean {
  const name = nameOf(error);
  if (NOT_FOUND.has(name)) return true;
  // Athena answers GetWorkGroup for a missing workgroup with InvalidRequestException "... is not found".
  return name === 'InvalidRequestException' && /not found|does not exist/i.test(String((error as Error).message));
}

export function isAlreadyExists(error: unknown): boolean {
  const name = nameOf(error);
  if (EXISTS.has(name)) return true;
  // Athena answers CreateWorkGroup for an existing workgroup with InvalidRequestException "... is already created".
  return name === 'InvalidRequestException' && /already (created|exists)/i.test(String((error as Error).message));
}

/** Runs a read; undefined when the resource does not exist. */
export async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** One problem QuickSight reported for a failed creation or update. */
export interface QuickSightProblem {
  readonly type?: string;
  readonly message?: string;
  /** `ViolatedEntities[].Path`, as QuickSight reports them. */
  readonly paths: readonly string[];
}

/** A resource QuickSight could not create or update (`*_FAILED`), with QuickSight's own errors. */
export class ResourceFailedError extends Error {
  override name = 'ResourceFailedError';
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly status: string,
    readonly problems: readonly QuickSightProblem[],
  ) {
    super(`${kind}/${id}: ${status}${problems.length ? `: ${problems.map((p) => `${p.type ?? 'ERROR'}: ${p.message ?? ''}`).join('; ')}` : ''}`);
  }
}

export function problemsOf(errors: readonly { Type?: string; Message?: string; ViolatedEntities?: { Path?: string }[] }[] | undefined): QuickSightProblem[] {
  return (errors ?? []).map((e) => ({
    ...(e.Type ? { type: e.Type } : {}),
    ...(e.Message ? { message: e.Message } : {}),
    paths: (e.ViolatedEntities ?? []).map((v) => v.Path ?? '').filter(Boolean),
  }));
}

/**
 * An error the SDK gave up on after retrying, its message completed with how hard it tried
 * ("(gave up after 12 attempts over 9.8 s)"), from the SDK's `$metadata.attempts` and
 * `totalRetryDelay`. Errors not retried are returned as they are.
 */
export function withRetryNote(error: unknown): unknown {
  const e = error as { message?: unknown; $metadata?: { attempts?: number; totalRetryDelay?: number } } | undefined;
  const attempts = e?.$metadata?.attempts;
  if (!(error instanceof Error) || !attempts || attempts < 2 || / \(gave up after \d+ attempts/.test(error.message)) return error;
  const seconds = ((e.$metadata?.totalRetryDelay ?? 0) / 1000).toFixed(1);
  error.message = `${error.message} (gave up after ${attempts} attempts over ${seconds} s)`;
  return error;
}
