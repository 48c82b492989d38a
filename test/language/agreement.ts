import { parse } from 'yaml';
import { findModelsDir, loadModel, validateOperationInput } from '../../src/awsmodel/index.ts';
import { compile, CompileError, resolveTarget, type DesiredResource } from '../../src/compile/index.ts';
import { formatFinding, lintSpecs, type Finding, type SpecSource } from '../../src/language/index.ts';
import type { Located, SpecSet } from '../../src/language/specset.ts';

/** What lint and compile make of the same specs. */
export interface Verdicts {
  /** Lint's error findings, as printed. */
  readonly lint: string[];
  /** Whether every spec passed its schema (compile only takes schema-valid specs). */
  readonly schemaValid: boolean;
  /** `ok`, or compile's problems (file:line  message). */
  readonly compile: 'ok' | string[];
  /** When compiled and AWS's models are at hand (../shared/aws-models): where the requests break them. */
  readonly violations?: string[];
}

const modelsDir = findModelsDir();

/**
 * Lints the sources, then compiles them for the local target — even when lint finds errors, as long
 * as every spec passes its schema — so the two verdicts can be compared; checks what compiled against
 * AWS's API models when they are at hand.
 */
export function verdicts(sources: readonly SpecSource[]): Verdicts {
  const { findings } = lintSpecs(sources);
  const errors = findings.filter((f: Finding) => f.severity === 'error');
  const schemaValid = !errors.some((f) => f.rule === 'schema' || f.rule === 'yaml' || f.rule === 'decode');
  if (!schemaValid) return { lint: errors.map(formatFinding), schemaValid, compile: ['(not compiled: schema errors)'] };
  const specs = specSetOf(sources);
  return { lint: errors.map(formatFinding), schemaValid, ...(specs.project ? compiled(specs) : { compile: ['(not compiled: no Project)'] }) };
}

function compiled(specs: SpecSet): Pick<Verdicts, 'compile' | 'violations'> {
  let resources: DesiredResource[];
  try {
    resources = compile(specs, resolveTarget(specs.project.spec));
  } catch (error) {
    if (error instanceof CompileError) return { compile: error.problems.map((p) => `${p.file}:${p.line}  ${p.message}`) };
    throw error;
  }
  if (!modelsDir) return { compile: 'ok' };
  const requests = resources.flatMap((r) => [
    { service: r.service, operation: r.operation, input: r.input as unknown },
    ...(r.kind === 'DataSet' && r.refreshSchedule ? [{ service: 'quicksight' as const, operation: 'CreateRefreshSchedule', input: r.refreshSchedule as unknown }] : []),
  ]);
  const violations = requests.flatMap((r) => validateOperationInput(loadModel(r.service, modelsDir)!, r.operation, r.input).map((v) => `${r.operation} ${v.path}: ${v.message}`));
  return { compile: 'ok', violations };
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
