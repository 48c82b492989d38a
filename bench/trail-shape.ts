/**
 * CloudTrail's delivery shape for the benches: a gzip file per account and Region per 5 minutes
 * (a slot without events writes none), Regions uneven (the home Region carries three times each
 * other's traffic), accounts uneven, busier on weekdays and afternoons — the sample generator's
 * traffic (seeded, deterministic) cut as CloudTrail cuts it. Generated sets are cached under the
 * tmp folder, keyed by every parameter and the generator's source (a changed generator makes a
 * new set), so the 1 M-event, 100 k-file set is made once.
 */

/** A hash of the sample generator's source files. */
function generatorVersion(): string {
  const folder = fileURLToPath(new URL('../src/engine/sample/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(join(folder, name)));
  return hash.digest('hex').slice(0, 8);
}
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../src/engine/index.ts';

export interface TrailShape {
  events: number;
  accounts: string[];
  regions: string[];
  days: number;
  /** Minutes a file covers: 5, as CloudTrail delivers. */
  fileMinutes: number;
  endDay: string;
  seed: number;
}

/** The two sizes the engine is measured at (BENCH_EVENTS picks one, or sets another event count on the small shape). */
export function shapeFor(events: number): TrailShape {
  // The trail ends yesterday (UTC), as a live trail does: the shipped dashboards' rolling windows (the
  // last 30 days) and their datasets' (the last 365) then read it, as they would a real account's.
  const endDay = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const common = { fileMinutes: 5, endDay, seed: 1 };
  // One busy account in 2 Regions for 10 days (~5,800 files of ~35 events), or an organization's
  // 2 accounts in 3 Regions for 60 days (~100 k files of ~10 events).
  return events >= 1_000_000
    ? { ...common, events, accounts: ['111122223333', '444455556666'], regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], days: 60 }
    : { ...common, events, accounts: ['111122223333'], regions: ['us-east-1', 'eu-west-1'], days: 10 };
}

export function describeShape(shape: TrailShape): string {
  return `${shape.accounts.length} account(s) × ${shape.regions.length} Regions × ${shape.days} days, a file per ${shape.fileMinutes} minutes`;
}

/** The folder of the generated set (generated now unless cached); its files and events. */
export async function trailSet(shape: TrailShape): Promise<{ root: string; files: number; events: number }> {
  const key = `trail-${shape.events}-${shape.accounts.length}a${shape.regions.length}r${shape.days}d-${shape.fileMinutes}m-seed${shape.seed}-${shape.endDay}-g${generatorVersion()}`;
  const root = join(tmpdir(), 'trailsight-bench', key);
  const marker = join(root, '.complete');
  if (existsSync(marker)) {
    const [files, events] = readFileSync(marker, 'utf8').trim().split(' ').map(Number);
    console.log(`using the generated set cached in ${root}`);
    return { root, files, events };
  }
  rmSync(root, { recursive: true, force: true });
  const started = Date.now();
  const { files, events } = await generateSample({ out: root, ...shape });
  writeFileSync(marker, `${files} ${events}\n`);
  console.log(`generated ${events} events in ${files} files in ${((Date.now() - started) / 1000).toFixed(1)} s (cached in ${root})`);
  return { root, files, events };
}
