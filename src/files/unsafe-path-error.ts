/** A path trailsight will not create, replace or delete through: a link, or a file where a folder should be. One line for people. */
export class UnsafePathError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'UnsafePathError';
  }
}
