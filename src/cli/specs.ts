import { CompileError, formatProblem, TargetError } from '../compile/index.ts';
import { terminalText } from '../text/terminal.ts';
import { DEFAULT_SPEC_PATHS, formatFinding, loadSpecs, MissingPathError, type SpecSet } from '../language/index.ts';
import { UserError } from './errors.ts';
import { printErr } from './output.ts';

/**
 * The specs a command works on (`paths`, default `dashboards/`), loaded and valid; otherwise each
 * finding is printed on standard error and the command fails with one line (a missing path is a
 * usage error, exit 2).
 */
export async function loadSpecSet(paths: readonly string[]): Promise<SpecSet> {
  const loaded = await loadSpecs(paths.length ? [...paths] : DEFAULT_SPEC_PATHS).catch((error: unknown) => {
    if (error instanceof MissingPathError) throw new UserError(error.message, 2);
    throw error;
  });
  if (!loaded.specSet) {
    for (const finding of loaded.findings) printErr(`${formatFinding(finding)}\n`);
    throw new UserError('the specs have errors (see above); run `trailsight lint` for details');
  }
  return loaded.specSet;
}

/**
 * What compiling the specs for a target can throw, as the user is told it: a `TargetError` is a
 * usage error (exit 2); a `CompileError` prints each problem on standard error, then fails with one
 * line. Anything else is returned as it is. Use as `catch (error) { throw compileFailure(error); }`.
 */
export function compileFailure(error: unknown): unknown {
  if (error instanceof TargetError) return new UserError(error.message, 2);
  if (error instanceof CompileError) {
    for (const problem of error.problems) printErr(`${terminalText(formatProblem(problem))}\n`);
    return new UserError(`${error.problems.length} problem(s): the specs cannot become valid AWS requests`);
  }
  return error;
}
