import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Mutual exclusion over a state directory, within one process (a promise chain) and across
 * processes (proper-lockfile's lock directory, with stale-lock recovery if a holder died).
 */
export class DirectoryLock {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  run<R>(fn: () => Promise<R>): Promise<R> {
    const result = this.chain.then(() => this.withFileLock(fn));
    this.chain = result.catch(() => undefined);
    return result;
  }

  private async withFileLock<R>(fn: () => Promise<R>): Promise<R> {
    await mkdir(this.dir, { recursive: true });
    const release = await lockfile.lock(this.dir, {
      lockfilePath: join(this.dir, 'state.lock'),
      realpath: false,
      stale: 5000,
      retries: { retries: 400, factor: 1.3, minTimeout: 2, maxTimeout: 50 },
    });
    try {
      return await fn();
    } finally {
      await release();
    }
  }
}
