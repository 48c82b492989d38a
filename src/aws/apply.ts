import pLimit from 'p-limit';
import { resourceKey } from '../compile/index.ts';
import { KIND_ORDER, kindLevel, kindOf, type DesiredResource, type KindName } from '../kinds/index.ts';
import {
  assertNever,
  FINGERPRINT_TAG,
  fingerprintTagValue,
  type CreateOperation,
  type DeleteOperation,
  type DesiredModel,
  type Operation,
  type Plan,
  type UpdateOperation,
} from '../plan/index.ts';
import { keyedRecord } from '../text/keyed-record.ts';
import { capability } from '../kinds/capability.ts';
import type { Settled, Started } from '../kinds/index.ts';
import type { AwsContext } from './context.ts';
import { isAlreadyExists, isNotFound, withRetryNote } from './errors.ts';

/** How one resource ended: `unchanged` for a create that found the resource already as specified. */
export type Outcome = 'created' | 'updated' | 'deleted' | 'unchanged' | 'failed' | 'skipped';

export interface ResourceResult {
  readonly kind: KindName;
  readonly id: string;
  readonly outcome: Outcome;
  readonly error?: unknown;
  /** Why a resource was skipped: the dependency that failed. */
  readonly reason?: string;
  /** What trailsight recorded of it: the LastUpdatedTime in its fingerprint tag, the dashboard version it published. */
  readonly recorded?: Recorded;
}

export interface Recorded {
  readonly lastUpdated?: string;
  readonly version?: number;
}

type Op = Operation<DesiredResource>;

export interface ApplyOptions {
  /** Resources worked on at once. */
  readonly concurrency: number;
  /** Called as each resource finishes (for progress). */
  readonly onResult?: (result: ResourceResult) => void;
  /**
   * A create that met its resource already there (a run killed after sending it, a concurrent
   * publish; ids are deterministic): the operation that converges what is there, from a fresh read
   * (the pipeline's to make — apply runs the plan it is given and never plans). An update or a no-op;
   * anything else leaves the create's error standing.
   */
  readonly planExisting: (desired: DesiredModel<DesiredResource>) => Promise<Op>;
}

/**
 * Runs a plan: creates and updates in dependency order (a resource starts when everything it
 * depends on is done; independent ones run concurrently, at most `concurrency` at a time), then —
 * only if all of that succeeded — deletes in reverse kind order.
 */
export async function applyPlan(ctx: AwsContext, plan: Plan<DesiredResource>, options: ApplyOptions): Promise<ResourceResult[]> {
  const limit = pLimit(options.concurrency);
  const results: ResourceResult[] = [];
  const report = (result: ResourceResult) => {
    results.push(result);
    options.onResult?.(result);
    return result.outcome !== 'failed' && result.outcome !== 'skipped';
  };
  const done = new Map<string, Promise<boolean>>();
  for (const op of startOrder(plan.operations)) {
    if (op.action === 'delete') continue;
    if (op.action === 'no-op') {
      done.set(resourceKey(op), Promise.resolve(true));
      report({ kind: op.kind, id: op.id, outcome: 'unchanged' });
      continue;
    }
    const dependencies = op.desired.resource.dependsOn.map((key) => ({ key, ok: done.get(key) ?? Promise.resolve(true) }));
    done.set(
      resourceKey(op),
      (async () => {
        for (const dependency of dependencies) {
          if (!(await dependency.ok)) return report({ kind: op.kind, id: op.id, outcome: 'skipped', reason: `${dependency.key} failed` });
        }
        return report(await limit(() => run(ctx, op, options)));
      })(),
    );
  }
  const allOk = (await Promise.all(done.values())).every(Boolean);
  const deletes = plan.operations.filter((op): op is DeleteOperation<DesiredResource> => op.action === 'delete');
  for (const kind of [...KIND_ORDER].reverse()) {
    const ofKind = deletes.filter((op) => op.kind === kind);
    await Promise.all(
      ofKind.map((op) =>
        allOk
          ? limit(async () => report(await run(ctx, op, options)))
          : report({ kind: op.kind, id: op.id, outcome: 'skipped', reason: 'not pruning after a failure' }),
      ),
    );
  }
  return results;
}

/**
 * The order resources queue for a slot: by dependency level, with the kinds of one level (analyses
 * and dashboards) taken in turn, so each kind's throttle is used at once instead of one kind's
 * creations waiting behind the other's. Dependencies are still awaited.
 */
function startOrder(operations: readonly Op[]): Op[] {
  const rank = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const op of operations) {
    const n = seen.get(op.kind) ?? 0;
    seen.set(op.kind, n + 1);
    rank.set(resourceKey(op), n);
  }
  const rankOf = (op: Op) => rank.get(resourceKey(op)) ?? 0;
  const order = (op: Op) => KIND_ORDER.indexOf(op.kind);
  return [...operations].sort((a, b) => kindLevel(a.kind) - kindLevel(b.kind) || rankOf(a) - rankOf(b) || order(a) - order(b));
}

async function run(
  ctx: AwsContext,
  op: CreateOperation<DesiredResource> | UpdateOperation<DesiredResource> | DeleteOperation<DesiredResource>,
  options: ApplyOptions,
): Promise<ResourceResult> {
  try {
    switch (op.action) {
      case 'create':
        return { kind: op.kind, id: op.id, ...(await create(ctx, op, options)) };
      case 'update':
        return { kind: op.kind, id: op.id, outcome: 'updated', recorded: await update(ctx, op) };
      case 'delete':
        await kindOf(op.kind).remove(ctx, { id: op.id }).catch(ignoreNotFound);
        return { kind: op.kind, id: op.id, outcome: 'deleted' };
      default:
        return assertNever(op);
    }
  } catch (error) {
    return { kind: op.kind, id: op.id, outcome: 'failed', error: withRetryNote(error) };
  }
}

/**
 * Creates a resource, waits for it where its kind creates asynchronously, then tags its fingerprint
 * where its kind keeps it in a tag. A create that meets the resource already there runs what
 * `planExisting` makes of it instead.
 */
async function create(
  ctx: AwsContext,
  op: CreateOperation<DesiredResource>,
  options: ApplyOptions,
): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; recorded?: Recorded }> {
  const kind = kindOf(op.desired.resource.kind);
  const ref = { id: op.id, resource: op.desired.resource };
  if (op.replaces) await kind.remove(ctx, ref).catch(ignoreNotFound);
  let started: Started;
  try {
    started = await kind.create(ctx, op.desired);
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const again = await options.planExisting(op.desired);
    if (again.action === 'no-op') return { outcome: 'unchanged' };
    if (again.action !== 'update') throw error;
    return { outcome: 'updated', recorded: await update(ctx, again) };
  }
  const settled = kind.settling ? await kind.settling.waitReady(ctx, op.id, started) : {};
  let recorded: Recorded = started.version === undefined ? {} : { version: started.version };
  if (kind.fingerprint === 'tag') {
    const tag = await fingerprintTag(ctx, op, settled);
    recorded = { ...recorded, ...(tag.stamp ? { lastUpdated: tag.stamp } : {}) };
    await capability(kind, 'tagging').tag(ctx, op.id, { [FINGERPRINT_TAG]: tag.value });
  }
  return { outcome: 'created', recorded };
}

/**
 * Properties (and the wait), permissions, tags — the fingerprint among them, last — then publishing.
 * Tagging and permission changes leave a resource's LastUpdatedTime as it is (QuickSight and the
 * local endpoint alike), so a stamp read once the properties settled still holds after them.
 */
async function update(ctx: AwsContext, op: UpdateOperation<DesiredResource>): Promise<Recorded> {
  const kind = kindOf(op.desired.resource.kind);
  let started: Started = {};
  let settled: Settled = {};
  if (op.properties) {
    started = await kind.update(ctx, op.desired);
    settled = kind.settling ? await kind.settling.waitReady(ctx, op.id, started) : {};
  }
  if (op.permissions) await capability(kind, 'permissions').update(ctx, op.id, op.permissions);
  if (op.tags?.remove.length) await capability(kind, 'tagging').untag(ctx, op.id, op.tags.remove);
  const set = keyedRecord(Object.entries(op.tags?.set ?? {}));
  let recorded: Recorded = {};
  if (op.stamp) {
    const tag = await fingerprintTag(ctx, op, settled);
    set[FINGERPRINT_TAG] = tag.value;
    if (tag.stamp) recorded = { lastUpdated: tag.stamp };
  }
  if (Object.keys(set).length) await capability(kind, 'tagging').tag(ctx, op.id, set);
  if (op.publish) {
    await capability(kind, 'publishing').publish(ctx, op.id, started);
    if (started.version !== undefined) recorded = { ...recorded, version: started.version };
  }
  return recorded;
}

/**
 * The fingerprint tag's value, written once the resource settled: stamped kinds add the
 * LastUpdatedTime it settled at (from the wait's last read, else one describe). A run killed
 * before this write leaves the old value, so the next run reads the resource in full.
 */
async function fingerprintTag(
  ctx: AwsContext,
  op: CreateOperation<DesiredResource> | UpdateOperation<DesiredResource>,
  settled: Settled,
): Promise<{ value: string; stamp?: string }> {
  const stamping = kindOf(op.desired.resource.kind).stamping;
  if (!stamping) return { value: op.desired.fingerprint };
  const stamp = settled.lastUpdated ?? (await stamping.lastUpdated(ctx, op.id));
  return { value: fingerprintTagValue(op.desired.fingerprint, stamp), ...(stamp ? { stamp } : {}) };
}

function ignoreNotFound(error: unknown): void {
  if (!isNotFound(error)) throw error;
}
