import type { ResourceStatus } from '@aws-sdk/client-quicksight';
import type { Progress } from './records.ts';

/** A create or update starting now, settling after the endpoint's creation delay. */
export function startProgress<E>(stage: Progress<E>['stage'], now: number, delayMs: number, errors: E[]): Progress<E> {
  return { stage, settlesAt: now + delayMs, errors };
}

/** The ResourceStatus a progress shows at `now`: `*_IN_PROGRESS`, then `*_SUCCESSFUL` or `*_FAILED`. */
export function statusOf(progress: Progress<unknown>, now: number): ResourceStatus {
  if (now < progress.settlesAt) return `${progress.stage}_IN_PROGRESS`;
  return progress.errors.length > 0 ? `${progress.stage}_FAILED` : `${progress.stage}_SUCCESSFUL`;
}

export function inProgress(progress: Progress<unknown>, now: number): boolean {
  return now < progress.settlesAt;
}

/** The errors a describe shows: none while in progress. */
export function errorsOf<E>(progress: Progress<E>, now: number): E[] | undefined {
  return now >= progress.settlesAt && progress.errors.length > 0 ? progress.errors : undefined;
}
