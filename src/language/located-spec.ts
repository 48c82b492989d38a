/** Where a value came from in a spec file, for messages as `file:line:col`. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** A spec and the file it was loaded from; `at` finds the position of a JSON path inside it. */
export interface Located<T> {
  readonly spec: T;
  readonly file: string;
  /** Position of the value at `path` (e.g. ['sheets', 0, 'visuals', 2]); the nearest existing parent if absent. */
  at(path: readonly (string | number)[]): SourcePosition;
}
