import type { StateStore } from '../state/store.ts';
import type { ExecutionRecord } from './execution-record.ts';
import { executionKey, executionsKey, resultKey, tokenKey, tokensKey, type TokenRecord } from './keys.ts';

/** Athena keeps a query's history (the execution, its result, its ClientRequestToken) for 45 days. */
export const HISTORY_DAYS = 45;
const HISTORY_MS = HISTORY_DAYS * 24 * 60 * 60 * 1000;

/** Most records one sweep removes, so a sweep never holds the state lock for long; the next sweep takes the rest. */
const SWEEP_LIMIT = 500;
/** How often StartQueryExecution sweeps an account and Region. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Whether an execution submitted at `submittedAt` has left Athena's history at `now`. */
export function expired(submittedAt: number, now: number): boolean {
  return now - submittedAt > HISTORY_MS;
}

/** An execution as the API may show it: none once it has expired (whether or not a sweep removed it yet). */
export function visible<R extends Pick<ExecutionRecord, 'SubmissionDateTime'>>(record: R | undefined, now: number): R | undefined {
  return record && !expired(record.SubmissionDateTime, now) ? record : undefined;
}

/**
 * Removes the executions older than 45 days of one account and Region, with their stored results
 * and tokens, and tokens left without an execution; at most `SWEEP_LIMIT` records, oldest first.
 * Query result files written to the S3 folder are the caller's, as in S3: they stay.
 */
export async function sweepHistory(store: StateStore, account: string, region: string, now: number): Promise<number> {
  const old = (await store.list<ExecutionRecord>(executionsKey(account, region)))
    .filter((r) => expired(r.SubmissionDateTime, now))
    .sort((a, b) => a.SubmissionDateTime - b.SubmissionDateTime)
    .slice(0, SWEEP_LIMIT);
  const tokens = await store.list<TokenRecord>(tokensKey(account, region));
  const oldIds = new Set(old.map((r) => r.QueryExecutionId));
  return store.transact(async (tx) => {
    let removed = 0;
    for (const record of old) {
      const current = await tx.get<ExecutionRecord>(executionKey(account, region, record.QueryExecutionId));
      if (!current || !expired(current.SubmissionDateTime, now)) continue;
      tx.delete(executionKey(account, region, record.QueryExecutionId));
      tx.delete(resultKey(account, region, record.QueryExecutionId));
      removed++;
    }
    for (const token of tokens) {
      // Tokens stored before they named themselves cannot be found again by key: left as they are.
      if (removed >= SWEEP_LIMIT || token.token === undefined) continue;
      const gone =
        oldIds.has(token.id) ||
        (token.SubmissionDateTime !== undefined ? expired(token.SubmissionDateTime, now) : !(await tx.get(executionKey(account, region, token.id))));
      if (!gone) continue;
      tx.delete(tokenKey(account, region, token.token));
      removed++;
    }
    return removed;
  });
}

/** Sweeps each account and Region at most once an hour of the endpoint's clock. */
export class HistorySweeper {
  private readonly lastSweep = new Map<string, number>();

  /** Sweeps now unless this account and Region was swept in the last hour. */
  async sweepIfDue(store: StateStore, account: string, region: string, now: number): Promise<void> {
    const key = `${account}/${region}`;
    const last = this.lastSweep.get(key);
    if (last !== undefined && now - last < SWEEP_INTERVAL_MS) return;
    this.lastSweep.set(key, now);
    await sweepHistory(store, account, region, now);
  }

  /** Sweeps every Region the account has Athena state in (when the endpoint starts). */
  async sweepAll(store: StateStore, account: string, now: number): Promise<void> {
    for (const region of await store.collections(['athena', account])) await this.sweepIfDue(store, account, region, now);
  }
}
