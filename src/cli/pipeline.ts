/**
 * trailsight's pipeline, in one place: load the specs and check them (the gate), open the target,
 * compile, read the target and plan, apply. `plan` stops after planning, `publish` goes on, and the
 * commands report what comes back: nothing here prints.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ResourceResult } from '../aws/apply.ts';
import type { SpecLocator } from './failure-report.ts';
import type { AwsContext } from '../aws/context.ts';
import { awsContext, planTarget, type TargetPlan } from '../aws/plan-target.ts';
import { publishPlan } from '../aws/publish-plan.ts';
import { compile, type DesiredResource } from '../kinds/index.ts';
import type { CheckedSpecs, Located } from '../language/index.ts';
import { openTarget, type OpenTarget } from '../targets/index.ts';
import { loadCheckedSpecs, targetFailure } from './specs.ts';

export interface SessionOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly logs?: string;
  /** Notes for people (which target, sample logs being generated). */
  readonly note: (line: string) => void;
}

/** Specs checked, target open, resources compiled, the AWS context to read and write them with. The caller closes `open`. */
export interface Session {
  readonly open: OpenTarget;
  readonly resources: DesiredResource[];
  readonly aws: AwsContext;
}

export interface PlanOptions {
  /** `full` for `plan` and `publish --refresh` (drift anywhere shows); `quick` for `publish`. */
  readonly depth: 'quick' | 'full';
  readonly prune: boolean;
  readonly concurrency: number;
}

/** 1–2: load and check the specs, open the target. A failure is a UserError saying what to fix. The caller closes it. */
export async function openChecked(options: SessionOptions): Promise<OpenTarget> {
  const checked = await loadCheckedSpecs(options.paths);
  try {
    return await openTarget(checked, {
      name: options.target,
      logs: options.logs,
      workdir: join(process.cwd(), '.trailsight'),
      env: process.env,
      home: homedir(),
      note: options.note,
    });
  } catch (error) {
    throw targetFailure(error);
  }
}

/** 1–3: load and check the specs, open the target, compile for it. */
export async function openSession(options: SessionOptions): Promise<Session> {
  const open = await openChecked(options);
  try {
    return { open, resources: compile(open.specs, open.target), aws: awsContext(open.clients, open.target) };
  } catch (error) {
    await open.close();
    throw error;
  }
}

/** 4–5: read the target (freshness at the AWS edge) and plan against it. */
export function planSession(session: Session, options: PlanOptions): Promise<TargetPlan> {
  return planTarget(session.aws, session.open.target, session.resources, options);
}

/** 6: apply the plan, each resource's result told as it comes. */
export function applySession(
  session: Session,
  planned: TargetPlan,
  options: { concurrency: number; onResult: (result: ResourceResult) => void },
): Promise<ResourceResult[]> {
  return publishPlan(session.aws, planned, options);
}

/** 7, for the report: `file:line:col` of a path inside the spec a resource came from (QuickSight's errors name paths). */
export function specLocator(specs: CheckedSpecs): SpecLocator {
  const all = [specs.project, ...specs.datasets, ...specs.dashboards, ...specs.analyses] as Located<{ id: string }>[];
  return (source, path) => {
    const located = all.find((l) => l.file === source.file && l.spec.id === source.specId);
    if (!located) return undefined;
    const at = located.at(path);
    return `${at.file}:${at.line}:${at.col}`;
  };
}
