import { join, relative } from 'node:path';
import lockfile from 'proper-lockfile';

/** How long a second run waits for the first to finish with the working folder. */
const WAIT_MS = 30 * 60_000;
/** A lock whose holder stopped refreshing it for this long (it was killed) is taken over. */
const STALE_MS = 15_000;

/**
 * Holds trailsight's working folder (`.trailsight/`) for one local run: two publishes or previews
 * started in the same folder would otherwise generate the same sample logs and write the same
 * endpoint state and `out/` at once. A second run says it waits, then waits its turn; a killed
 * run's lock goes stale and is taken over. Resolves to the release function. `workdir` exists
 * (see OwnedFolder).
 */
export async function lockWorkdir(workdir: string, note?: (line: string) => void): Promise<() => Promise<void>> {
  const options = { lockfilePath: join(workdir, 'local.lock'), realpath: false, stale: STALE_MS };
  try {
    return await lockfile.lock(workdir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
  note?.(`local: another trailsight run is using ${relative(process.cwd(), workdir) || workdir}/; waiting for it to finish`);
  const retries = Math.ceil(WAIT_MS / 1000);
  try {
    return await lockfile.lock(workdir, { ...options, retries: { retries, factor: 1, minTimeout: 1000, maxTimeout: 1000 } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new Error(`${workdir} is still in use by another trailsight run after ${WAIT_MS / 60_000} minutes`);
  }
}
