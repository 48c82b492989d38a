import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeAnalysisCommand } from '@aws-sdk/client-quicksight';
import type { ResourceResult } from '../../src/aws/apply.ts';
import { createClients, destroyClients, type AwsClients } from '../../src/aws/clients.ts';
import { observeCalls, isReadOperation, type ObservedCall } from '../../src/aws/observe.ts';
import { awsContext, planTarget } from '../../src/aws/plan-target.ts';
import { publishPlan } from '../../src/aws/publish-plan.ts';
import type { RetryPolicy } from '../../src/aws/retry.ts';
import { findModelsDir, loadModel, validateOperationInput, type ServiceName } from '../../src/awsmodel/index.ts';
import { resolveTarget, type ResolvedTarget } from '../../src/compile/index.ts';
import { compile, type DesiredResource } from '../../src/kinds/index.ts';
import { startEndpoint, type FaultConfig, type RunningEndpoint } from '../../src/endpoint/index.ts';
import type { Plan } from '../../src/plan/index.ts';
import { loadSpecs } from '../../src/language/index.ts';
import { ambientTarget } from '../../src/targets/index.ts';

export const FIXTURE_SPECS = fileURLToPath(new URL('./fixtures/specs', import.meta.url));
export const ACCOUNT = '000000000000';
export const REGION = 'us-east-1';

/** Retries quick enough for tests, as patient as the real policy about throttling. */
export const TEST_RETRY: RetryPolicy = { maxAttempts: 12, throttleBaseMs: 20, errorBaseMs: 10, maxDelayMs: 200 };

/** A fresh local endpoint, a copy of the fixture specs to edit, and recorded SDK clients. */
export class Harness {
  readonly calls: ObservedCall[] = [];
  private constructor(
    readonly dir: string,
    readonly endpoint: RunningEndpoint,
    readonly clients: AwsClients,
  ) {}

  static async start(options: { faults?: FaultConfig; specs?: string } = {}): Promise<Harness> {
    const dir = await mkdtemp(join(tmpdir(), 'trailsight-publish-'));
    await cp(options.specs ?? FIXTURE_SPECS, join(dir, 'specs'), { recursive: true });
    const endpoint = await startEndpoint({
      stateDir: join(dir, 'state'),
      s3Root: join(dir, 's3'),
      account: ACCOUNT,
      region: REGION,
      creationDelayMs: 50,
      log: () => undefined,
      ...(options.faults ? { faults: options.faults } : {}),
    });
    const clients = createClients({ region: REGION, endpoint: endpoint.url }, TEST_RETRY);
    const harness = new Harness(dir, endpoint, clients);
    observeCalls(clients, (call) => harness.calls.push(call));
    return harness;
  }

  get specsDir(): string {
    return join(this.dir, 'specs');
  }

  async stop(): Promise<void> {
    destroyClients(this.clients);
    await this.endpoint.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** The specs as they are now in `specsDir`, compiled for the local target (or `name`). */
  async compile(name = 'local'): Promise<{ target: ResolvedTarget; resources: DesiredResource[] }> {
    const loaded = await loadSpecs([this.specsDir]);
    if (!loaded.checked) throw new Error(`fixture specs do not load: ${JSON.stringify(loaded.findings)}`);
    const project = loaded.checked.project.spec;
    const target = name === 'aws' ? ambientTarget(project, ACCOUNT, REGION) : resolveTarget(project, { name, account: ACCOUNT, region: REGION });
    return { target, resources: compile(loaded.checked, target) };
  }

  /** The id of the (one) data source the fixture specs compile to for the local target. */
  async dataSourceId(): Promise<string> {
    return (await this.compile()).resources.find((r) => r.kind === 'DataSource')!.id;
  }

  /** Until an analysis's asynchronous create or update finished (the endpoint's creation delay). */
  async analysisSettled(analysisId: string): Promise<void> {
    for (;;) {
      const out = await this.clients.quicksight.send(new DescribeAnalysisCommand({ AwsAccountId: ACCOUNT, AnalysisId: analysisId }));
      if (!out.Analysis?.Status?.endsWith('_IN_PROGRESS')) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async plan(options: { depth?: 'quick' | 'full'; prune?: boolean; target?: string } = {}): Promise<Plan> {
    const { target, resources } = await this.compile(options.target);
    const planned = await planTarget(awsContext(this.clients, target), target, resources, {
      depth: options.depth ?? 'full',
      prune: !!options.prune,
      concurrency: 8,
    });
    return planned.plan;
  }

  /** What `trailsight publish` does: plan (quick reads unless `refresh`), then apply. */
  async publish(options: { refresh?: boolean; prune?: boolean; target?: string } = {}): Promise<{ plan: Plan; results: ResourceResult[] }> {
    const { target, resources } = await this.compile(options.target);
    const ctx = awsContext(this.clients, target);
    const planned = await planTarget(ctx, target, resources, { depth: options.refresh ? 'full' : 'quick', prune: !!options.prune, concurrency: 8 });
    return { plan: planned.plan, results: await publishPlan(ctx, planned, { concurrency: 8 }) };
  }

  /**
   * Publishes every way a publish can write: create, an update (a sheet renamed in ec2.yaml), a prune
   * (principals.yaml removed), and a full refresh. Meant for a fresh harness.
   */
  async publishEveryWay(): Promise<void> {
    await this.publish();
    const file = join(this.specsDir, 'ec2.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Calls\n    visuals', 'title: EC2 calls\n    visuals'));
    await rm(join(this.specsDir, 'principals.yaml'));
    await this.publish({ prune: true });
    await this.publish({ refresh: true });
  }

  /** Calls recorded while `run` ran. */
  async record<T>(run: () => Promise<T>): Promise<{ value: T; calls: ObservedCall[]; reads: number; writes: number }> {
    const start = this.calls.length;
    const value = await run();
    const calls = this.calls.slice(start);
    const reads = calls.filter((c) => isReadOperation(c.operation)).length;
    return { value, calls, reads, writes: calls.length - reads };
  }
}

/** Outcomes as `{ 'Dashboard/x': 'created', … }`. */
export function outcomes(results: readonly ResourceResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [`${r.kind}/${r.id}`, r.outcome]));
}

/** The `[kind/id, outcome]` pairs of the resources a publish changed, sorted by resource. */
export function changedOutcomes(results: readonly ResourceResult[]): [string, string][] {
  return Object.entries(outcomes(results))
    .filter(([, o]) => o !== 'unchanged')
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * Every recorded request checked against AWS's API models; the violations, one line each.
 * Undefined when the models are not there (../shared/aws-models), so the caller can skip.
 */
export function modelViolations(calls: readonly ObservedCall[]): string[] | undefined {
  if (!findModelsDir()) return undefined;
  const out: string[] = [];
  for (const call of calls) {
    const model = loadModel(call.service as ServiceName);
    if (!model) continue;
    for (const v of validateOperationInput(model, call.operation, call.input)) out.push(`${call.service}:${call.operation} ${v.path}: ${v.message}`);
  }
  return out;
}

export const MODELS_MISSING = 'AWS API models not found (../shared/aws-models or TRAILSIGHT_AWS_MODELS): request validation skipped';
