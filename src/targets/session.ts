import { homedir } from 'node:os';
import { join } from 'node:path';
import { compile, type DesiredResource } from '../kinds/index.ts';
import { targetFailure, loadCheckedSpecs } from '../cli/specs.ts';
import { type Located, type CheckedSpecs } from '../language/index.ts';
import type { SpecLocator } from '../aws/failure-report.ts';
import type { RetryPolicy } from '../aws/retry.ts';
import { openTarget, type OpenTarget } from './index.ts';

export interface SessionOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly logs?: string;
  readonly retry?: RetryPolicy;
  readonly note: (line: string) => void;
}

/** Specs loaded, target open, resources compiled: what `plan` and `publish` start from. */
export interface Session {
  readonly open: OpenTarget;
  readonly resources: DesiredResource[];
}

/**
 * Loads the specs through the gate, opens the target and compiles for it; the specs' findings and a
 * target that cannot be opened are UserErrors saying what to fix. The caller closes `open`.
 */
export async function openSession(options: SessionOptions): Promise<Session> {
  const checked = await loadCheckedSpecs(options.paths);
  let open: OpenTarget;
  try {
    open = await openTarget(checked, {
      name: options.target,
      logs: options.logs,
      workdir: join(process.cwd(), '.trailsight'),
      env: process.env,
      home: homedir(),
      retry: options.retry,
      note: options.note,
    });
  } catch (error) {
    throw targetFailure(error);
  }
  try {
    return { open, resources: compile(open.specs, open.target) };
  } catch (error) {
    await open.close();
    throw error;
  }
}

/** Finds `file:line:col` of a path inside the spec a resource came from (for QuickSight's errors). */
export function specLocator(specs: CheckedSpecs): SpecLocator {
  const all = [specs.project, ...specs.datasets, ...specs.dashboards, ...specs.analyses] as Located<{ id: string }>[];
  return (source, path) => {
    const located = all.find((l) => l.file === source.file && l.spec.id === source.specId);
    if (!located) return undefined;
    const at = located.at(path);
    return `${at.file}:${at.line}:${at.col}`;
  };
}
