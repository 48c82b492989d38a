import type { DefinitionError, Progress } from './records.ts';

/** A create or update starting now, settling after the endpoint's creation delay. */
export function startProgress(stage: Progress['stage'], now: number, delayMs: number, errors: DefinitionError[]): Progress {
  return { stage, settlesAt: now + delayMs, errors };
}

/** The ResourceStatus a progress shows at `now`: `*_IN_PROGRESS`, then `*_SUCCESSFUL` or `*_FAILED`. */
export function statusOf(progress: Progress, now: number): string {
  if (now < progress.settlesAt) return `${progress.stage}_IN_PROGRESS`;
  return progress.errors.length > 0 ? `${progress.stage}_FAILED` : `${progress.stage}_SUCCESSFUL`;
}

export function inProgress(progress: Progress, now: number): boolean {
  return now < progress.settlesAt;
}

/** The errors a describe shows: none while in progress. */
export function errorsOf(progress: Progress, now: number): DefinitionError[] | undefined {
  return now >= progress.settlesAt && progress.errors.length > 0 ? progress.errors : undefined;
}
