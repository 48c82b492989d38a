import { setTimeout as sleep } from 'node:timers/promises';

/** Whether an SDK error is the service saying "slow down". */
export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: { throttling?: boolean } };
  return (
    !!e?.$retryable?.throttling ||
    e?.$metadata?.httpStatusCode === 429 ||
    /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded|SlowDown|RequestThrottled|ProvisionedThroughputExceededException)$/.test(
      String(e?.name),
    )
  );
}

/**
 * Paces one operation to the rate the service accepts. It starts unpaced; the first throttling
 * sets the pace to the rate of accepted calls just measured (a token bucket answers exactly its
 * refill rate while saturated) and every further throttling lowers it; each accepted call raises
 * it a little, probing for more. Far fewer throttled attempts than backoff alone, and calls keep
 * coming at the pace the bucket refills, so throughput stays at the service's rate.
 */
class OperationPacer {
  private rate = Infinity;
  private next = 0;
  private lastDecrease = -Infinity;
  private readonly accepted: number[] = [];
  private readonly sent: number[] = [];

  /** Waits for this call's slot; returns when it was sent. */
  async wait(): Promise<number> {
    const now = performance.now();
    const slot = this.rate === Infinity ? now : Math.max(now, this.next);
    if (this.rate !== Infinity) this.next = slot + 1000 / this.rate;
    if (slot > now) await sleep(slot - now);
    this.sent.push(slot);
    trim(this.sent, slot);
    return slot;
  }

  onAccepted(): void {
    const now = performance.now();
    this.accepted.push(now);
    trim(this.accepted, now);
    if (this.rate !== Infinity) this.rate = Math.min(MAX_RATE, this.rate * INCREASE_PER_CALL);
  }

  /**
   * One decrease per round of calls: throttles of calls sent before the last decrease are its echo.
   * The first sets the pace from the last second: calls accepted, or half the calls sent — rather
   * too fast than too slow, as too fast corrects itself within a few rounds and too slow never learns.
   */
  onThrottled(sentAt: number): void {
    if (sentAt <= this.lastDecrease) return;
    const now = performance.now();
    trim(this.accepted, now);
    trim(this.sent, now);
    const first = Math.max(this.accepted.length, this.sent.length / 2) / (WINDOW_MS / 1000);
    this.rate = Math.max(MIN_RATE, this.rate === Infinity ? first : this.rate * DECREASE);
    this.lastDecrease = now;
  }
}

function trim(times: number[], now: number): void {
  while (times.length && (times[0] ?? now) < now - WINDOW_MS) times.shift();
}

/** The accepted calls of the last second give the first pace (a bucket's burst is about a second of its rate). */
const WINDOW_MS = 1_000;
const MIN_RATE = 0.5;
const MAX_RATE = 1_000;
const DECREASE = 0.85;
/** Each accepted call raises the pace by 3 %: back above a lowered pace within a few calls. */
const INCREASE_PER_CALL = 1.03;

/** Pacers by `client:operation`, shared by every client a publish uses. */
export class Pacers {
  private readonly byOperation = new Map<string, OperationPacer>();

  of(key: string): OperationPacer {
    let pacer = this.byOperation.get(key);
    if (!pacer) this.byOperation.set(key, (pacer = new OperationPacer()));
    return pacer;
  }

  /** A deserialize-step middleware: runs once per attempt, under the SDK's retry loop. */
  middleware() {
    type Next = (args: unknown) => Promise<unknown>;
    return (next: Next, context: { clientName?: string; commandName?: string }) => async (args: unknown) => {
      const pacer = this.of(`${context.clientName}:${context.commandName}`);
      const sentAt = await pacer.wait();
      try {
        const result = await next(args);
        pacer.onAccepted();
        return result;
      } catch (error) {
        if (isThrottling(error)) pacer.onThrottled(sentAt);
        else pacer.onAccepted();
        throw error;
      }
    };
  }
}
