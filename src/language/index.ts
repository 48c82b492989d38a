export * from './schema/index.ts';
export type { Located, SourcePosition, SpecSet } from './specset.ts';
export { type Finding, formatFinding, hasErrors, sortFindings } from './finding.ts';
export { lintSpecs, type LintResult } from './lint.ts';
export { loadSpecs, DEFAULT_SPEC_PATHS } from './load/load-specs.ts';
export { MissingPathError } from './load/read-files.ts';
export type { SpecSource } from './load/source.ts';
export { MAX_SPEC_BYTES } from './load/source.ts';
