import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { errorCode, StateStoreError } from './errors.ts';

/**
 * Mutual exclusion over a state directory, within one process (a promise chain) and across
 * processes (proper-lockfile's lock directory, with stale-lock recovery if a holder died).
 * A lock that cannot be taken (a full or read-only disk) is a `StateStoreError`; one that is lost
 * while held (its folder removed, its time stamp not updatable) is logged, never thrown from a
 * timer, which would end the process.
 */
export class DirectoryLock {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly lockPath: string;

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void,
  ) {
    this.lockPath = join(dir, 'state.lock');
  }

  run<R>(fn: () => Promise<R>): Promise<R> {
    const result = this.chain.then(() => this.withFileLock(fn));
    this.chain = result.catch(() => undefined);
    return result;
  }

  private async withFileLock<R>(fn: () => Promise<R>): Promise<R> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      await release().catch((error: unknown) => this.log(`state lock ${this.lockPath}: ${(error as Error).message}`));
    }
  }

  private async acquire(): Promise<() => Promise<void>> {
    try {
      await mkdir(this.dir, { recursive: true });
      return await lockfile.lock(this.dir, {
        lockfilePath: this.lockPath,
        realpath: false,
        stale: 5000,
        retries: { retries: 400, factor: 1.3, minTimeout: 2, maxTimeout: 50 },
        onCompromised: (error) => this.log(`state lock ${this.lockPath} was lost while held: ${error.message}`),
      });
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined || code === 'ELOCKED') throw error;
      throw new StateStoreError('write', this.lockPath, code, { cause: error });
    }
  }
}
