/**
 * Marks user errors by a registered symbol rather than by class identity: under mocha, a test that
 * imports `main.ts` gets it as CommonJS (mocha `require`s `.ts` files through tsx's CommonJS hook),
 * while `main`'s `import('./commands/…')` loads the commands as ES modules, each with its own copy of
 * this file — so an `instanceof UserError` check in `main` sees a different class than the one a
 * command threw. `Symbol.for` is the same symbol in every copy.
 */
const USER_ERROR = Symbol.for('trailsight.UserError');

/** An error the user can fix: printed as its message alone, without a stack. */
export class UserError extends Error {
  readonly [USER_ERROR] = true;

  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Whether `error` is a `UserError` — from this copy of the module or any other. */
export function isUserError(error: unknown): error is UserError {
  return typeof error === 'object' && error !== null && (error as { [USER_ERROR]?: unknown })[USER_ERROR] === true;
}
