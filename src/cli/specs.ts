import { TargetError } from '../compile/index.ts';
import { DEFAULT_SPEC_PATHS, formatFinding, loadSpecs, MissingPathError, type CheckedSpecs } from '../language/index.ts';
import { UserError } from './errors.ts';
import { printErr } from './output.ts';

/**
 * The specs a command works on (`paths`, default `dashboards/`), read and through the gate: the
 * checked model. Otherwise each finding is printed on standard error and the command fails with one
 * line (a missing path is a usage error, exit 2).
 */
export async function loadCheckedSpecs(paths: readonly string[]): Promise<CheckedSpecs> {
  const loaded = await loadSpecs(paths.length ? [...paths] : DEFAULT_SPEC_PATHS).catch((error: unknown) => {
    if (error instanceof MissingPathError) throw new UserError(error.message, 2);
    throw error;
  });
  if (!loaded.checked) {
    for (const finding of loaded.findings) printErr(`${formatFinding(finding)}\n`);
    throw new UserError('the specs have errors (see above); run `trailsight lint` for details');
  }
  return loaded.checked;
}

/**
 * A `TargetError` (an unknown target, a bad account or Region) as the user is told it: a usage error
 * (exit 2). Anything else is returned as it is. Use as `catch (error) { throw targetFailure(error); }`.
 */
export function targetFailure(error: unknown): unknown {
  return error instanceof TargetError ? new UserError(error.message, 2) : error;
}
