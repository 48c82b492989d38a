import type { Located, SourcePosition } from '../language/specset.ts';

/** Something in the specs that cannot become a valid AWS request, with the place it is at. */
export interface CompileProblem extends SourcePosition {
  readonly message: string;
}

/** Every problem compile found, thrown once after collecting them all. */
export class CompileError extends Error {
  constructor(readonly problems: readonly CompileProblem[]) {
    super(`${problems.length} problem(s) compiling the specs:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'CompileError';
  }
}

export function formatProblem(problem: CompileProblem): string {
  return problem.line > 0 ? `${problem.file}:${problem.line}:${problem.col}  ${problem.message}` : `${problem.file}  ${problem.message}`;
}

/** Collects problems against one spec: `report(['sheets', 0, 'visuals', 2], 'message')`. */
export class Problems {
  private readonly list: CompileProblem[] = [];

  report(located: Located<unknown>, path: readonly (string | number)[], message: string): void {
    this.list.push({ ...located.at(path), message });
  }

  get count(): number {
    return this.list.length;
  }

  get all(): readonly CompileProblem[] {
    return this.list;
  }

  /** Throws a `CompileError` when anything was reported. */
  throwIfAny(): void {
    if (this.list.length > 0) {
      const sorted = [...this.list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
      throw new CompileError(sorted);
    }
  }
}
