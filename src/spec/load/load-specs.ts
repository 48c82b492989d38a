import { lintSpecs, type LintResult } from '../lint.ts';
import { readSpecSources } from './read-files.ts';

/** The default place specs live. */
export const DEFAULT_SPEC_PATHS = ['dashboards'];

/**
 * Reads and lints the specs under `paths` (files or folders, default `dashboards/`). Callers that go on
 * to compile or publish must refuse when `specSet` is absent (there are error findings).
 * Throws `MissingPathError` for a path that does not exist.
 */
export async function loadSpecs(paths: readonly string[] = DEFAULT_SPEC_PATHS): Promise<LintResult> {
  const sources = await readSpecSources(paths);
  return lintSpecs(sources, { root: paths.join(' ') });
}
