import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitPolicy {
  /** First pause between polls; grows by half each poll up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up after this long. */
  readonly timeoutMs: number;
}

export const DEFAULT_WAIT: WaitPolicy = { firstDelayMs: 250, maxDelayMs: 2_000, timeoutMs: 15 * 60_000 };

const IN_PROGRESS = new Set(['CREATION_IN_PROGRESS', 'UPDATE_IN_PROGRESS']);

export function isInProgress(status: string | undefined): boolean {
  return !!status && IN_PROGRESS.has(status);
}

/**
 * Polls `read` until the status it returns is no longer `*_IN_PROGRESS`; returns that last read.
 * `pauseFirst`: right after a create or update, whose answer already said "in progress".
 */
export async function waitWhileInProgress<T extends { status?: string }>(
  what: string,
  read: () => Promise<T>,
  policy: WaitPolicy = DEFAULT_WAIT,
  pauseFirst = false,
): Promise<T> {
  const started = Date.now();
  let delay = policy.firstDelayMs;
  if (pauseFirst) {
    await sleep(delay);
    delay = Math.min(policy.maxDelayMs, Math.round(delay * 1.5));
  }
  for (;;) {
    const state = await read();
    if (!isInProgress(state.status)) return state;
    if (Date.now() - started > policy.timeoutMs) throw new Error(`${what} is still ${state.status} after ${Math.round(policy.timeoutMs / 1000)} s`);
    await sleep(delay);
    delay = Math.min(policy.maxDelayMs, Math.round(delay * 1.5));
  }
}
