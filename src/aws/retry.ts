import type { QuickSightClientConfig } from '@aws-sdk/client-quicksight';

/** How failed calls are retried: throttling, 5xx and transient network errors; never client errors. */
export interface RetryPolicy {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** First backoff for throttling; doubles per retry up to `maxDelayMs`. */
  readonly throttleBaseMs: number;
  /** First backoff for server and transient errors. */
  readonly errorBaseMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 12, throttleBaseMs: 150, errorBaseMs: 100, maxDelayMs: 2_000 };

type RetryStrategyV2 = Extract<NonNullable<QuickSightClientConfig['retryStrategy']>, { acquireInitialRetryToken: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

/**
 * The SDK's retry strategy, configured: exponential backoff with "equal jitter" (half the delay
 * fixed, half random), no retry quota — a throttled publish keeps going at the rate the service
 * allows instead of giving up once a shared token budget runs out.
 */
export function retryStrategy(policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): RetryStrategyV2 {
  const token = (count: number, delay: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => delay });
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous, info: RetryErrorInfo) => {
      const count = previous.getRetryCount() + 1;
      if (info.errorType === 'CLIENT_ERROR' || count >= policy.maxAttempts) throw info.error ?? new Error('retries exhausted');
      const base = info.errorType === 'THROTTLING' ? policy.throttleBaseMs : policy.errorBaseMs;
      const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (count - 1));
      const hinted = info.retryAfterHint ? Math.max(0, info.retryAfterHint.getTime() - Date.now()) : 0;
      return token(count, Math.max(hinted, ceiling / 2 + random() * (ceiling / 2)));
    },
    recordSuccess: () => {},
  };
}
