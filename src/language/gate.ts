import { hasErrors, sortFindings, type Finding } from './finding.ts';
import { decodeSpec } from './load/decode.ts';
import type { YamlLocated } from './load/located.ts';
import { parseYaml } from './load/parse-yaml.ts';
import type { SpecSource } from './load/source.ts';
import type { AnalysisSpec, DashboardSpec, DataSetSpec, FolderSpec, Kind, ProjectSpec, ThemeSpec } from './schema/index.ts';
import { RULES } from './rules/index.ts';
import type { RuleContext } from './rules/rule.ts';
import { checkedSpecs } from './checked/build/build-specs.ts';
import type { CheckedSpecs } from './checked/specs.ts';
import { validateSpec } from './validate/validate-spec.ts';

export interface GateResult {
  /** The checked model, present when there are no error findings (warnings allowed): what compile takes. */
  readonly checked?: CheckedSpecs;
  /** Every finding, sorted by file, line and column. */
  readonly findings: readonly Finding[];
}

/**
 * The gate, pure: YAML syntax, then each spec against its kind's schema, then the rules over the specs
 * that passed and over the well-formed part of those that did not (without the parts holding a schema
 * error, see validate/salvage.ts); every finding at once. When none is an error, the specs resolved
 * into the checked model (checked/) that compile takes and cannot reject. Never throws on bad input.
 */
export function checkSpecs(sources: readonly SpecSource[], options: { root?: string } = {}): GateResult {
  const findings: Finding[] = [];
  const valid: { kind: Kind; located: YamlLocated<unknown> }[] = [];
  const brokenIds = new Set<string>();
  const brokenKinds = new Set<string>();
  const salvagedParts: { kind: Kind; located: YamlLocated<unknown> }[] = [];
  const pruned = new Set<string>();
  for (const source of [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const decoded = decodeSpec(source);
    if ('finding' in decoded) {
      findings.push(decoded.finding);
      continue;
    }
    const { parsed, findings: yamlFindings } = parseYaml(source.file, decoded.text);
    findings.push(...yamlFindings);
    if (!parsed) continue;
    const { kind, findings: schemaFindings, salvaged } = validateSpec(parsed.located);
    findings.push(...schemaFindings);
    if (kind) valid.push({ kind, located: parsed.located });
    else {
      // Check the well-formed part too, so one schema error does not hide the rest of the file's problems.
      if (salvaged) {
        salvagedParts.push({ kind: salvaged.kind, located: parsed.located.part(salvaged.spec, salvaged.translate) });
        for (const name of salvaged.pruned) pruned.add(name);
      }
      const { id, kind: brokenKind } = parsed.data as { id?: unknown; kind?: unknown };
      if (typeof id === 'string') brokenIds.add(id);
      if (typeof brokenKind === 'string') brokenKinds.add(brokenKind);
    }
  }
  const of = <T>(...kinds: Kind[]) => valid.filter((v) => kinds.includes(v.kind)).map((v) => v.located.as<T>());
  const all = [...valid, ...salvagedParts].sort((a, b) => (a.located.file < b.located.file ? -1 : a.located.file > b.located.file ? 1 : 0));
  const ofAll = <T>(...kinds: Kind[]) => all.filter((v) => kinds.includes(v.kind)).map((v) => v.located.as<T>());
  const context: RuleContext = {
    root: options.root ?? (sources.length === 1 && sources[0] ? sources[0].file : '.'),
    projects: ofAll<ProjectSpec>('Project'),
    datasets: ofAll<DataSetSpec>('DataSet'),
    boards: ofAll<DashboardSpec | AnalysisSpec>('Dashboard', 'Analysis'),
    themes: ofAll<ThemeSpec>('Theme'),
    folders: ofAll<FolderSpec>('Folder'),
    brokenIds,
    brokenKinds,
  };
  for (const rule of RULES) findings.push(...rule.check(context).filter((f) => !namesPruned(f.message, pruned)));
  const sorted = sortFindings(findings);
  const [project] = context.projects;
  if (hasErrors(sorted) || context.projects.length !== 1 || !project) return { findings: sorted };
  const checked = checkedSpecs({
    project,
    datasets: of<DataSetSpec>('DataSet'),
    dashboards: of<DashboardSpec>('Dashboard'),
    analyses: of<AnalysisSpec>('Analysis'),
    themes: of<ThemeSpec>('Theme'),
    folders: of<FolderSpec>('Folder'),
  });
  return { checked, findings: sorted };
}

/** A finding that quotes a part left out for its schema error (`no visual 'v'`) only follows from that error. */
function namesPruned(message: string, pruned: ReadonlySet<string>): boolean {
  for (const name of pruned) if (message.includes(`'${name}'`)) return true;
  return false;
}
