import { existsSync, statSync } from 'node:fs';
import { DEFAULT_SPEC_PATHS, formatFinding, hasErrors, loadSpecs, MissingPathError } from '../../language/index.ts';
import { UserError } from '../errors.ts';
import { printJson, printOut } from '../output.ts';

/** `trailsight lint` (declared in ../commands/lint.ts). */
export async function run(paths: string[], options: { format: 'text' | 'json' }): Promise<void> {
  // Single files are checked against the repository's specs (their Project, the datasets they use).
  const onlyFiles = paths !== DEFAULT_SPEC_PATHS && paths.every((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
  const context = onlyFiles ? DEFAULT_SPEC_PATHS.filter((p) => existsSync(p)) : [];
  const result = await loadSpecs(paths.length > 0 ? paths : DEFAULT_SPEC_PATHS, { context }).catch((error: unknown) => {
    if (error instanceof MissingPathError) throw new UserError(error.message, 2);
    throw error;
  });
  const { findings } = result;
  if (options.format === 'json') {
    printJson({ ok: !hasErrors(findings), findings });
  } else {
    for (const finding of findings) printOut(`${formatFinding(finding)}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const files = new Set(findings.map((f) => f.file)).size;
    printOut(
      findings.length === 0
        ? 'lint: no problems found\n'
        : `lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`,
    );
  }
  process.exitCode = hasErrors(findings) ? 1 : 0;
}
