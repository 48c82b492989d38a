import { checkSpecs, type GateResult } from '../gate.ts';
import { DEFAULT_SPEC_PATHS } from './default-spec-paths.ts';
import { readSpecSources } from './read-files.ts';

export { DEFAULT_SPEC_PATHS };

export interface LoadOptions {
  /**
   * More spec files or folders read for context only (the Project, the datasets a dashboard uses):
   * findings are reported for the files under `paths` alone. Lint uses it to check single files.
   */
  readonly context?: readonly string[];
}

/**
 * Reads the specs under `paths` (files or folders, default `dashboards/`) and puts them through the
 * gate: `checked` is absent when there are error findings.
 * Throws `MissingPathError` for a path that does not exist.
 */
export async function loadSpecs(paths: readonly string[] = DEFAULT_SPEC_PATHS, options: LoadOptions = {}): Promise<GateResult> {
  const sources = await readSpecSources(paths);
  if (!options.context?.length) return checkSpecs(sources, { root: paths.join(' ') });
  const mine = new Set(sources.map((s) => s.file));
  const extra = (await readSpecSources(options.context)).filter((s) => !mine.has(s.file));
  const result = checkSpecs([...sources, ...extra], { root: paths.join(' ') });
  return { ...result, findings: result.findings.filter((f) => mine.has(f.file)) };
}
