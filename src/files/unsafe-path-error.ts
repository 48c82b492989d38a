/**
 * Marked by a registered symbol rather than by class identity, as `UserError` is (src/cli/errors.ts
 * says why: under mocha a module can be loaded twice, once per module system).
 */
const UNSAFE_PATH = Symbol.for('trailsight.UnsafePathError');

/** A path trailsight will not create, replace or delete through: a link, or a file where a folder should be. One line for people. */
export class UnsafePathError extends Error {
  readonly [UNSAFE_PATH] = true;

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'UnsafePathError';
  }
}

export function isUnsafePathError(error: unknown): error is UnsafePathError {
  return typeof error === 'object' && error !== null && (error as { [UNSAFE_PATH]?: unknown })[UNSAFE_PATH] === true;
}
