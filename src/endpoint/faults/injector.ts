import { setTimeout as sleep } from 'node:timers/promises';
import { forOperation, type FaultConfig } from './config.ts';
import { seededRandom } from './rng.ts';
import { TokenBucket } from './token-bucket.ts';

/** What the injector decided for one request, after its latency has passed. */
export type FaultOutcome = 'pass' | 'throttle' | 'server-error';

/** Applies latency, throttling and server errors per operation, reconfigurable at run time. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = seededRandom(1);
  private buckets = new Map<string, TokenBucket>();

  constructor(config: FaultConfig = {}) {
    this.configure(config);
  }

  /** Replaces the settings; throttling buckets and the random sequence start afresh. */
  configure(config: FaultConfig): void {
    this.config = config;
    this.random = seededRandom(config.seed ?? 1);
    this.buckets = new Map();
  }

  get settings(): FaultConfig {
    return this.config;
  }

  /** Decides the request's fate at arrival, waits the injected latency, then reports the outcome. */
  async apply(service: string, operation: string): Promise<FaultOutcome> {
    const throttled = !this.takeToken(service, operation);
    const errorRate = forOperation(this.config.errorRate, service, operation) ?? 0;
    const failed = !throttled && errorRate > 0 && this.random() < errorRate;
    const latency = forOperation(this.config.latencyMs, service, operation) ?? 0;
    if (latency > 0) await sleep(latency);
    return throttled ? 'throttle' : failed ? 'server-error' : 'pass';
  }

  private takeToken(service: string, operation: string): boolean {
    const limit = forOperation(this.config.throttle, service, operation);
    if (!limit) return true;
    const key = `${service}:${operation}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limit.rate, limit.burst ?? Math.max(1, limit.rate));
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
