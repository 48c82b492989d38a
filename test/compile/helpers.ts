import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { checkSpecs, loadSpecs, type CheckedSpecs, type GateResult, type SpecSource } from '../../src/language/index.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The fixture specs (test/compile/fixtures/*.yaml) through the gate: the checked model compile takes. */
export function fixtureSpecs(): CheckedSpecs {
  const sources = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: `test/compile/fixtures/${f}`, bytes: readFileSync(join(FIXTURES, f)) }));
  return accepted(checkSpecs(sources));
}

/** The specs again through the gate, with the spec of `id` changed (`change` edits a copy). */
export function gatedWith(specs: CheckedSpecs, id: string, change: (spec: any) => void): GateResult {
  const all: { spec: { id: string }; file: string }[] = [
    specs.project,
    ...specs.datasets,
    ...specs.dashboards,
    ...specs.analyses,
    ...specs.themes,
    ...specs.folders,
  ];
  const sources: SpecSource[] = all.map(({ spec, file }) => {
    const copy = structuredClone(spec);
    if (copy.id === id) change(copy);
    return { file, bytes: Buffer.from(stringify(copy)) };
  });
  return checkSpecs(sources);
}

/** The checked specs with the spec of `id` changed; fails when the gate refuses the change. */
export function withSpec(specs: CheckedSpecs, id: string, change: (spec: any) => void): CheckedSpecs {
  return accepted(gatedWith(specs, id, change));
}

/** The gate's error messages for the specs with the spec of `id` changed; fails when it accepts them. */
export function refusalsWith(specs: CheckedSpecs, id: string, change: (spec: any) => void): string[] {
  const { checked, findings } = gatedWith(specs, id, change);
  if (checked) throw new Error('expected the gate to refuse the change');
  return findings.filter((f) => f.severity === 'error').map((f) => f.message);
}

/** The repository's dashboards/ through the spec loader and the gate; throws with the findings if refused. */
export async function dashboardSpecs(): Promise<CheckedSpecs> {
  return accepted(await loadSpecs([join(REPO, 'dashboards')]));
}

function accepted(result: GateResult): CheckedSpecs {
  if (!result.checked) throw new Error(`the gate refuses the specs:\n${result.findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.message}`).join('\n')}`);
  return result.checked;
}
