import pLimit from 'p-limit';
import { KIND_ORDER, resourceKey } from '../compile/resource.ts';
import {
  buildPlan,
  FINGERPRINT_TAG,
  KIND_RULES,
  type CreateOperation,
  type DeleteOperation,
  type Operation,
  type Plan,
  type UpdateOperation,
} from '../plan/index.ts';
import { isAlreadyExists, isNotFound } from './errors.ts';
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
 * only if all of that succeeded — deletes in reverse dependency order.
 */
export async function applyPlan(ctx: AwsContext, plan: Plan, options: ApplyOptions): Promise<ResourceResult[]> {
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
        return { kind: op.kind, id: op.id, outcome: await create(ctx, op) };
      case 'update':
        await update(ctx, op);
        return { kind: op.kind, id: op.id, outcome: 'updated' };
      case 'delete':
        await ADAPTERS[op.kind].remove(ctx, { kind: op.kind, id: op.id }).catch(ignoreNotFound);
        return { kind: op.kind, id: op.id, outcome: 'deleted' };
      default: {
        const never: never = op;
        throw new Error(`unknown operation ${JSON.stringify(never)}`);
      }
    }
  } catch (error) {
    return { kind: op.kind, id: op.id, outcome: 'failed', error };
  }
}

/**
 * Creates a resource. Ids are deterministic, so a create can meet the resource already there (a
 * run killed after sending it, a concurrent publish): it is then read and planned again, and
 * converged by update.
 */
async function create(ctx: AwsContext, op: CreateOperation): Promise<'created' | 'updated' | 'unchanged'> {
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
    if (again.action === 'no-op') return 'unchanged';
    if (again.action !== 'update') throw error;
    await update(ctx, again);
    return 'updated';
  }
  await adapter.waitReady?.(ctx, op.id, started);
  if (!adapter.fingerprintOnCreate && KIND_RULES[op.kind].fingerprint === 'tag') {
    await adapter.tag!(ctx, ref, { [FINGERPRINT_TAG]: op.desired.fingerprint });
  }
  return 'created';
}

/** Properties (and the wait), permissions, tags — the fingerprint among them, last — then publishing. */
async function update(ctx: AwsContext, op: UpdateOperation): Promise<void> {
  const adapter = ADAPTERS[op.kind];
  const ref = { kind: op.kind, id: op.id, resource: op.desired.resource };
  let started: Started = {};
  if (op.properties) {
    started = await adapter.update(ctx, op.desired);
    await adapter.waitReady?.(ctx, op.id, started);
  }
  if (op.permissions) await adapter.updatePermissions!(ctx, op.id, op.permissions);
  if (op.tags?.remove.length) await adapter.untag!(ctx, ref, op.tags.remove);
  if (op.tags && Object.keys(op.tags.set).length) await adapter.tag!(ctx, ref, op.tags.set);
  if (op.publish) await adapter.publish!(ctx, op.id, started);
}

function ignoreNotFound(error: unknown): void {
  if (!isNotFound(error)) throw error;
}
