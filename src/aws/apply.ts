import pLimit from 'p-limit';
import { KIND_ORDER, resourceKey } from '../compile/resource.ts';
import {
  buildPlan,
  FINGERPRINT_TAG,
  fingerprintTagValue,
  KIND_RULES,
  type CreateOperation,
  type DeleteOperation,
  type Operation,
  type Plan,
  type UpdateOperation,
} from '../plan/index.ts';
import { keyedRecord } from '../text/keyed-record.ts';
import { isAlreadyExists, isNotFound, withRetryNote } from './errors.ts';
import { forgetDeployment, recordDeployment } from './deployment-record.ts';
import type { Settled } from './kinds/adapter.ts';
import { ADAPTERS, type AwsContext, type Started } from './kinds/index.ts';

/** How one resource ended: `unchanged` for a create that found the resource already as specified. */
export type Outcome = 'created' | 'updated' | 'deleted' | 'unchanged' | 'failed' | 'skipped';

export interface ResourceResult {
  readonly kind: Operation['kind'];
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

export interface ApplyOptions {
  /** Resources worked on at once. */
  readonly concurrency: number;
  /** Called as each resource finishes (for progress). */
  readonly onResult?: (result: ResourceResult) => void;
}

/**
 * Runs a plan: creates and updates in dependency order (a resource starts when everything it
 * depends on is done; independent ones run concurrently, at most `concurrency` at a time), then —
 * only if all of that succeeded — deletes in reverse dependency order. The target's deployment
 * record (deployment-record.ts) is removed before the first change and written after the last.
 */
export async function applyPlan(ctx: AwsContext, plan: Plan, options: ApplyOptions): Promise<ResourceResult[]> {
  const limit = pLimit(options.concurrency);
  await forgetDeployment(ctx, plan);
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
        return report(await limit(() => run(ctx, op)));
      })(),
    );
  }
  const allOk = (await Promise.all(done.values())).every(Boolean);
  const deletes = plan.operations.filter((op): op is DeleteOperation => op.action === 'delete');
  for (const kind of [...KIND_ORDER].reverse()) {
    const ofKind = deletes.filter((op) => op.kind === kind);
    await Promise.all(
      ofKind.map((op) =>
        allOk ? limit(async () => report(await run(ctx, op))) : report({ kind: op.kind, id: op.id, outcome: 'skipped', reason: 'not pruning after a failure' }),
      ),
    );
  }
  await recordDeployment(ctx, plan, results);
  return results;
}

/**
 * The order resources queue for a slot: by kind as planned, but with independent kinds that share
 * a dependency level (analyses and dashboards) taken in turn, so each kind's throttle is used at
 * once instead of one kind's creations waiting behind the other's. Dependencies are still awaited.
 */
function startOrder(operations: readonly Operation[]): Operation[] {
  const rank = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const op of operations) {
    const n = seen.get(op.kind) ?? 0;
    seen.set(op.kind, n + 1);
    rank.set(resourceKey(op), n);
  }
  const level = (op: Operation) => (op.kind === 'Analysis' || op.kind === 'Dashboard' ? KIND_ORDER.indexOf('Analysis') : KIND_ORDER.indexOf(op.kind));
  return [...operations].sort((a, b) => level(a) - level(b) || rank.get(resourceKey(a))! - rank.get(resourceKey(b))! || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

async function run(ctx: AwsContext, op: CreateOperation | UpdateOperation | DeleteOperation): Promise<ResourceResult> {
  try {
    switch (op.action) {
      case 'create':
        return { kind: op.kind, id: op.id, ...(await create(ctx, op)) };
      case 'update':
        return { kind: op.kind, id: op.id, outcome: 'updated', recorded: await update(ctx, op) };
      case 'delete':
        await ADAPTERS[op.kind].remove(ctx, { kind: op.kind, id: op.id }).catch(ignoreNotFound);
        return { kind: op.kind, id: op.id, outcome: 'deleted' };
      default: {
        const never: never = op;
        throw new Error(`unknown operation ${JSON.stringify(never)}`);
      }
    }
  } catch (error) {
    return { kind: op.kind, id: op.id, outcome: 'failed', error: withRetryNote(error) };
  }
}

/**
 * Creates a resource. Ids are deterministic, so a create can meet the resource already there (a
 * run killed after sending it, a concurrent publish): it is then read and planned again, and
 * converged by update.
 */
async function create(ctx: AwsContext, op: CreateOperation): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; recorded?: Recorded }> {
  const adapter = ADAPTERS[op.kind];
  const ref = { kind: op.kind, id: op.id, resource: op.desired.resource };
  if (op.replaces) await adapter.remove(ctx, ref).catch(ignoreNotFound);
  let started: Started;
  try {
    started = await adapter.create(ctx, op.desired);
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const actual = await adapter.readFull(ctx, ref);
    const [again] = buildPlan({ target: '', desired: [op.desired], actual: new Map([[resourceKey(op), actual]]) }).operations;
    if (again.action === 'no-op') return { outcome: 'unchanged' };
    if (again.action !== 'update') throw error;
    return { outcome: 'updated', recorded: await update(ctx, again) };
  }
  const settled = (await adapter.waitReady?.(ctx, op.id, started)) ?? {};
  let recorded: Recorded = started.version === undefined ? {} : { version: started.version };
  if (!adapter.fingerprintOnCreate && KIND_RULES[op.kind].fingerprint === 'tag') {
    const tag = await fingerprintTag(ctx, op, settled);
    recorded = { ...recorded, ...(tag.stamp ? { lastUpdated: tag.stamp } : {}) };
    await adapter.tag!(ctx, ref, { [FINGERPRINT_TAG]: tag.value });
  }
  return { outcome: 'created', recorded };
}

/**
 * Properties (and the wait), permissions, tags — the fingerprint among them, last — then publishing.
 * Tagging and permission changes leave a resource's LastUpdatedTime as it is (QuickSight and the
 * local endpoint alike), so a stamp read once the properties settled still holds after them.
 */
async function update(ctx: AwsContext, op: UpdateOperation): Promise<Recorded> {
  const adapter = ADAPTERS[op.kind];
  const ref = { kind: op.kind, id: op.id, resource: op.desired.resource };
  let started: Started = {};
  let settled: Settled = {};
  if (op.properties) {
    started = await adapter.update(ctx, op.desired);
    settled = (await adapter.waitReady?.(ctx, op.id, started)) ?? {};
  }
  if (op.permissions) await adapter.updatePermissions!(ctx, op.id, op.permissions);
  if (op.tags?.remove.length) await adapter.untag!(ctx, ref, op.tags.remove);
  const set = keyedRecord(Object.entries(op.tags?.set ?? {}));
  let recorded: Recorded = {};
  if (op.stamp) {
    const tag = await fingerprintTag(ctx, op, settled);
    set[FINGERPRINT_TAG] = tag.value;
    if (tag.stamp) recorded = { lastUpdated: tag.stamp };
  }
  if (Object.keys(set).length) await adapter.tag!(ctx, ref, set);
  if (op.publish) {
    await adapter.publish!(ctx, op.id, started);
    if (started.version !== undefined) recorded = { ...recorded, version: started.version };
  }
  return recorded;
}

/**
 * The fingerprint tag's value, written once the resource settled: stamped kinds add the
 * LastUpdatedTime it settled at (from the wait's last read, else one describe). A run killed
 * before this write leaves the old value, so the next run reads the resource in full.
 */
async function fingerprintTag(ctx: AwsContext, op: CreateOperation | UpdateOperation, settled: Settled): Promise<{ value: string; stamp?: string }> {
  const adapter = ADAPTERS[op.kind];
  if (!KIND_RULES[op.kind].stamped) return { value: op.desired.fingerprint };
  const stamp = settled.lastUpdated ?? (await adapter.lastUpdated!(ctx, op.id));
  return { value: fingerprintTagValue(op.desired.fingerprint, stamp), ...(stamp ? { stamp } : {}) };
}

function ignoreNotFound(error: unknown): void {
  if (!isNotFound(error)) throw error;
}
