import pLimit from 'p-limit';
import { resourceKey } from '../../compile/index.ts';
import { KIND_ORDER, kindOf, type DesiredResource, type KindName, type Summary } from '../../kinds/index.ts';
import { lifecycleStatus, type Actual, type DesiredModel, type Grant } from '../../plan/index.ts';
import { ownValue } from '../../text/keyed-record.ts';
import type { AwsContext } from '../context.ts';
import { coveredByRecord, DEPLOYMENT_TAG, expectedRecord, recordHolder, type DeploymentRecord } from './deployment-record.ts';
import type { Found } from './found.ts';
import { findLeftovers } from './leftovers.ts';
import { listKinds, observedOf } from './listings.ts';
import { settled, verdict } from './settled.ts';

/** How many more resources are read at once than written. */
const READ_FAN_OUT = 4;

export interface ReadOptions {
  /**
   * `full`: describe every property, permission and tag (what `plan` and `publish --refresh` do:
   * drift anywhere shows). `quick`: the List call of each listed kind (a page per 100 resources:
   * every LastUpdatedTime), the record holder's tags and the permissions of the kinds that read them
   * on publish; where the deployment record matches them, no other listed resource is read. Else
   * one read per resource — the fingerprint trailsight wrote when it last converged it — and full
   * reads where that (or the permissions) does not match. Kinds without a fingerprint read (Glue,
   * the workgroup) are always read in full.
   */
  readonly depth: 'quick' | 'full';
  /** Also find trailsight's resources of this target that left the specs. */
  readonly prune: boolean;
  readonly target: { readonly name: string; readonly idPrefix: string };
  /**
   * Resources read at once. Reads are many, small and paced per operation (see pacer.ts), so they
   * run wider than writes: different operations' throttles then fill in parallel.
   */
  readonly concurrency: number;
}

/** What the target holds of the desired resources, as plan takes it, and what publish needs to keep the deployment record. */
export interface TargetState {
  /** By `kind/id`: missing, a leftover, unchanged (the verdict, and why) or the full model. */
  readonly actual: ReadonlyMap<string, Actual>;
  /** Resources to delete (with `prune`), in deletion order. */
  readonly prune: readonly { kind: KindName; id: string }[];
  /** The deployment record as found, and what the List calls showed (absent without a holder). */
  readonly record?: DeploymentRecord;
}

/**
 * Reads the target for the desired resources: for each, either its full model or the verdict that it
 * is unchanged (from the fingerprint trailsight recorded on it, or the target's deployment record),
 * reading each at most once where that shortcut holds.
 */
export async function readTarget(ctx: AwsContext, desired: readonly DesiredModel<DesiredResource>[], options: ReadOptions): Promise<TargetState> {
  const limit = pLimit(options.concurrency * READ_FAN_OUT);
  const listings = await listKinds(ctx, listedKinds(desired, options.depth));
  const observed = observedOf(listings);
  const summaryOf = (d: DesiredModel<DesiredResource>) => listings.get(d.resource.kind)?.get(d.resource.id);
  const firstRead = async (d: DesiredModel<DesiredResource>): Promise<Found> => {
    if (listings.has(d.resource.kind) && !summaryOf(d)) return { read: 'nothing' };
    if (options.depth === 'full') return readInFull(ctx, d, summaryOf(d));
    const [found, permissions] = await Promise.all([fingerprintRead(ctx, d, summaryOf(d)), publishPermissions(ctx, d)]);
    return found.read === 'fingerprint' && permissions ? { ...found, permissions } : found;
  };
  // Vouched for by the deployment record: only the permissions are read (where publish reads them).
  const vouchedRead = async (d: DesiredModel<DesiredResource>): Promise<Found> => {
    const permissions = await publishPermissions(ctx, d);
    if (permissions === null) return { read: 'nothing' };
    return { read: 'vouched', ...(permissions ? { permissions } : {}) };
  };
  // Quick: the holder's read comes first, as its tags hold the deployment record.
  const holder = recordHolder(desired);
  const holderRead = options.depth === 'quick' && holder ? await firstRead(holder) : undefined;
  const current = holderRead && recordOf(holderRead);
  const vouched = current !== undefined && current === expectedRecord(desired, observed);
  const found = new Map<string, Found>();
  await Promise.all(
    desired.map((d) =>
      limit(async () => {
        const isVouched = vouched && d !== holder && coveredByRecord(d.resource);
        let read = isVouched ? await vouchedRead(d) : d === holder && holderRead ? holderRead : await firstRead(d);
        if (!settled(d, read)) read = await readInFull(ctx, d, summaryOf(d));
        found.set(resourceKey(d.resource), read);
      }),
    ),
  );
  const prune = options.prune ? await findLeftovers(ctx, desired, options.target, limit, listings) : [];
  const actual = new Map([...found].map(([key, read]) => [key, verdict(read)]));
  if (!holder) return { actual, prune };
  const value = current ?? recordOf(found.get(resourceKey(holder.resource)));
  return { actual, prune, record: { holder: { kind: holder.resource.kind, id: holder.resource.id }, ...(value ? { current: value } : {}), observed } };
}

/**
 * A create met this resource already there (a concurrent or interrupted publish): it is read in
 * full, as `plan` would, so the pipeline can plan it again.
 */
export async function readExisting(ctx: AwsContext, desired: DesiredModel<DesiredResource>): Promise<Actual> {
  return verdict(await readInFull(ctx, desired, undefined));
}

/**
 * The kinds whose List call is read: those that record a LastUpdatedTime in their fingerprint tag
 * (full reads too: for it); for publish's quick read, every listed kind (the deployment record).
 */
function listedKinds(desired: readonly DesiredModel<DesiredResource>[], depth: ReadOptions['depth']): KindName[] {
  const wanted = new Set(desired.map((d) => d.resource.kind));
  return KIND_ORDER.filter((name) => {
    const kind = kindOf(name);
    return wanted.has(name) && kind.listing !== undefined && (kind.stamping !== undefined || depth === 'quick');
  });
}

/** Every property, permission and tag, completed with what the List call said: the LastUpdatedTime, and the status if the read had none. */
async function readInFull(ctx: AwsContext, d: DesiredModel<DesiredResource>, summary: Summary | undefined): Promise<Found> {
  const actual = await kindOf(d.resource.kind).read(ctx, { id: d.resource.id, resource: d.resource });
  if (!actual) return { read: 'nothing' };
  if (!summary) return { read: 'full', actual };
  const status = actual.status ?? lifecycleStatus(summary.status);
  return { read: 'full', actual: { ...actual, ...(summary.lastUpdated ? { lastUpdated: summary.lastUpdated } : {}), ...(status ? { status } : {}) } };
}

/** The kind's one cheap read, where it has one (else it is read in full), with the LastUpdatedTime and status its List call showed. */
async function fingerprintRead(ctx: AwsContext, d: DesiredModel<DesiredResource>, summary: Summary | undefined): Promise<Found> {
  const cheap = kindOf(d.resource.kind).fingerprintRead;
  if (!cheap) return readInFull(ctx, d, summary);
  const record = await cheap.read(ctx, d.resource.id);
  if (!record) return { read: 'nothing' };
  const status = record.status ?? summary?.status;
  return { read: 'fingerprint', record: { ...record, ...(status ? { status } : {}) }, ...(summary?.lastUpdated ? { lastUpdated: summary.lastUpdated } : {}) };
}

/**
 * The permissions publish reads of this resource (its kind's `readOnPublish`): undefined where it
 * reads none, null when the resource is gone.
 */
async function publishPermissions(ctx: AwsContext, d: DesiredModel<DesiredResource>): Promise<readonly Grant[] | undefined | null> {
  const permissions = kindOf(d.resource.kind).permissions;
  if (!permissions?.readOnPublish) return undefined;
  return (await permissions.read(ctx, d.resource.id)) ?? null;
}

/** The deployment record's value on what was read of its holder. */
function recordOf(found: Found | undefined): string | undefined {
  if (found?.read === 'full') return ownValue(found.actual.model.tags, DEPLOYMENT_TAG);
  if (found?.read === 'fingerprint') return ownValue(found.record.tags, DEPLOYMENT_TAG);
  return undefined;
}
