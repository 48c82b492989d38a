import { pathText, type Finding } from '../finding.ts';
import type { JsonPath, YamlLocated } from '../load/located.ts';
import type { AnalysisSpec, DashboardSpec, DataSetSpec, FolderSpec, ProjectSpec, ThemeSpec } from '../schema/index.ts';

/** The schema-valid specs a rule looks at, grouped by kind, in file order. */
export interface RuleContext {
  /** What was checked (the folder or files given), for findings about the whole set. */
  readonly root: string;
  readonly projects: readonly YamlLocated<ProjectSpec>[];
  readonly datasets: readonly YamlLocated<DataSetSpec>[];
  /** Dashboards and analyses: the same shape. */
  readonly boards: readonly YamlLocated<DashboardSpec | AnalysisSpec>[];
  readonly themes: readonly YamlLocated<ThemeSpec>[];
  readonly folders: readonly YamlLocated<FolderSpec>[];
  /** Ids of specs that failed their schema (already reported): references to them are not errors again. */
  readonly brokenIds: ReadonlySet<string>;
  /** Kinds of the specs that failed their schema. */
  readonly brokenKinds: ReadonlySet<string>;
}

/** A semantic check over all specs; returns every finding, never stops at the first. */
export interface Rule {
  readonly name: string;
  check(context: RuleContext): Finding[];
}

/** A finding at the value (or, with `atKey`, the key) at `path` in a spec. */
export function findingAt(
  located: YamlLocated<unknown>,
  path: JsonPath,
  rule: string,
  message: string,
  options: { atKey?: boolean; severity?: Finding['severity'] } = {},
): Finding {
  const { file, line, col } = options.atKey ? located.keyAt(path) : located.at(path);
  return { file, line, col, message, rule, severity: options.severity ?? 'error', path: pathText(path) };
}
