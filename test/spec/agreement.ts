import { parse } from 'yaml';
import { compile, CompileError, resolveTarget } from '../../src/compile/index.ts';
import { formatFinding, lintSpecs, type Finding, type SpecSource } from '../../src/spec/index.ts';
import type { Located, SpecSet } from '../../src/spec/specset.ts';

/** What lint and compile make of the same specs. */
export interface Verdicts {
  /** Lint's error findings, as printed. */
  readonly lint: string[];
  /** Whether every spec passed its schema (compile only takes schema-valid specs). */
  readonly schemaValid: boolean;
  /** `ok`, or compile's problems (file:line:col  message). */
  readonly compile: 'ok' | string[];
}

/**
 * Lints the sources, then compiles them for the local target — even when lint finds errors, as long
 * as every spec passes its schema — so the two verdicts can be compared.
 */
export function verdicts(sources: readonly SpecSource[]): Verdicts {
  const { findings } = lintSpecs(sources);
  const errors = findings.filter((f: Finding) => f.severity === 'error');
  const schemaValid = !errors.some((f) => f.rule === 'schema' || f.rule === 'yaml' || f.rule === 'decode');
  if (!schemaValid) return { lint: errors.map(formatFinding), schemaValid, compile: ['(not compiled: schema errors)'] };
  const specs = specSetOf(sources);
  return { lint: errors.map(formatFinding), schemaValid, compile: specs.project ? compiled(specs) : ['(not compiled: no Project)'] };
}

function compiled(specs: SpecSet): 'ok' | string[] {
  try {
    compile(specs, resolveTarget(specs.project.spec));
    return 'ok';
  } catch (error) {
    if (error instanceof CompileError) return error.problems.map((p) => `${p.file}:${p.line}  ${p.message}`);
    throw error;
  }
}

/** The sources as a SpecSet without lint: each spec parsed, every path placed at line 1 of its file. */
function specSetOf(sources: readonly SpecSource[]): SpecSet {
  const specs = sources.map((s) => {
    const spec = parse(Buffer.from(s.bytes).toString('utf8')) as { kind: string };
    const located: Located<unknown> = { spec, file: s.file, at: () => ({ file: s.file, line: 1, col: 1 }) };
    return located as Located<{ kind: string }>;
  });
  const of = <T>(kind: string) => specs.filter((s) => s.spec.kind === kind) as unknown as Located<T>[];
  return { project: of<SpecSet['project']['spec']>('Project')[0], datasets: of('DataSet'), dashboards: of('Dashboard'), analyses: of('Analysis') };
}
