import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { AnalysisSpec, DashboardSpec, DataSetSpec, ProjectSpec } from '../../src/language/schema/index.ts';
import type { Located, SpecSet } from '../../src/language/specset.ts';
import { loadSpecs } from '../../src/language/index.ts';
import { CompileError } from '../../src/compile/index.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A spec with a trivial `at`: every path is at the top of its file. */
export function located<T>(spec: T, file: string): Located<T> {
  return { spec, file, at: () => ({ file, line: 1, col: 1 }) };
}

/** The fixture specs (test/compile/fixtures/*.yaml) as a SpecSet, read with the yaml package alone. */
export function fixtureSpecs(): SpecSet {
  const specs = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => located(parse(readFileSync(join(FIXTURES, f), 'utf8')) as { kind: string }, `test/compile/fixtures/${f}`));
  const of = <T>(kind: string) => specs.filter((s) => s.spec.kind === kind) as unknown as Located<T>[];
  return {
    project: of<ProjectSpec>('Project')[0],
    datasets: of<DataSetSpec>('DataSet'),
    dashboards: of<DashboardSpec>('Dashboard'),
    analyses: of<AnalysisSpec>('Analysis'),
  };
}

/** A SpecSet with one spec replaced by a changed copy (`change` edits a deep clone). */
export function withSpec(specs: SpecSet, id: string, change: (spec: any) => void): SpecSet {
  const edit = <T extends { id: string }>(l: Located<T>): Located<T> => {
    if (l.spec.id !== id) return l;
    const copy = structuredClone(l.spec);
    change(copy);
    return { ...l, spec: copy };
  };
  return {
    project: edit(specs.project),
    datasets: specs.datasets.map(edit),
    dashboards: specs.dashboards.map(edit),
    analyses: specs.analyses.map(edit),
  };
}

/** The repository's dashboards/ through the spec loader (lint included); throws with the findings if invalid. */
export async function dashboardSpecs(): Promise<SpecSet> {
  const result = await loadSpecs([join(REPO, 'dashboards')]);
  if (!result.specSet) throw new Error(`dashboards/ does not lint clean:\n${result.findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.message}`).join('\n')}`);
  return result.specSet;
}

/** The messages of the CompileError `run` throws; fails when it throws none. */
export function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CompileError) return error.problems.map((p) => p.message);
    throw error;
  }
  throw new Error('expected a CompileError');
}
