/**
 * Publish against its bound (issue 6): 50 dashboards over 10 datasets (generated specs) published
 * to the local endpoint with 100 ms latency on every call and a QuickSight-like throttle.
 * - Cold publish time vs the bound the throttle and the dependency depth allow (target ≤ 1.2×).
 * - No-op publish: reads per resource (target ≤ 1) and writes (target 0). Reported apart: the
 *   per-kind List pages (one per 100 data sources, datasets, analyses or dashboards) that bring
 *   every LastUpdatedTime, so that edits made in the console are noticed and restored; the
 *   permission reads of the data source, datasets and dashboards (no LastUpdatedTime tracks a
 *   grant made elsewhere); and the other resource reads: the data source's tags (the deployment
 *   record), Glue and Athena.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClients, destroyClients } from '../src/aws/clients.ts';
import { CallCounter, observeCalls } from '../src/aws/observe.ts';
import { awsContext, planTarget } from '../src/aws/plan-target.ts';
import { publishPlan } from '../src/aws/publish-plan.ts';
import { resolveTarget } from '../src/compile/index.ts';
import { compile } from '../src/kinds/index.ts';
import { startEndpoint, type ThrottleRate } from '../src/endpoint/index.ts';
import { loadSpecs } from '../src/language/index.ts';

const DASHBOARDS = 50;
const DATASETS = 10;
const LATENCY_MS = 100;
const CREATION_DELAY_MS = 200;
const CONCURRENCY = 8;
/** QuickSight-like: creating and updating analyses, dashboards, datasets and data sources at 2/s each; every other QuickSight call at 10/s. */
const SLOW: ThrottleRate = { rate: 2, burst: 2 };
const THROTTLE: Record<string, ThrottleRate> = {
  'quicksight:*': { rate: 10, burst: 10 },
  ...Object.fromEntries(
    ['CreateAnalysis', 'CreateDashboard', 'UpdateAnalysis', 'UpdateDashboard', 'CreateDataSet', 'UpdateDataSet', 'CreateDataSource', 'UpdateDataSource'].map(
      (op) => [`quicksight:${op}`, SLOW],
    ),
  ),
};

function writeSpecs(dir: string): void {
  mkdirSync(join(dir, 'datasets'), { recursive: true });
  copyFileSync(fileURLToPath(new URL('../test/publish/fixtures/specs/project.yaml', import.meta.url)), join(dir, 'project.yaml'));
  for (let d = 0; d < DATASETS; d++) {
    writeFileSync(
      join(dir, 'datasets', `ds-${d}.yaml`),
      `apiVersion: trailsight/v1
kind: DataSet
id: ds-${d}
name: Dataset ${d}
window: { days: ${7 + d} }
columns:
  - { name: event_id, expr: eventid }
  - { name: event_time, expr: from_iso8601_timestamp(eventtime), type: datetime }
  - { name: event_name, expr: eventname }
  - { name: source_ip, expr: sourceipaddress }
`,
    );
  }
  for (let b = 0; b < DASHBOARDS; b++) {
    writeFileSync(
      join(dir, `board-${b}.yaml`),
      `apiVersion: trailsight/v1
kind: Dashboard
id: board-${b}
name: Board ${b}
datasets: { events: ds-${b % DATASETS} }
sheets:
  - id: main
    title: Main
    visuals:
      - { type: kpi, id: total, title: Events, value: count(event_id), width: 12, height: 4 }
      - { type: bar, id: names, title: Top calls, x: event_name, y: count(event_id), limit: 10 }
      - type: table
        id: recent
        title: Recent calls
        width: 36
        columns:
          - { column: event_time, label: Time }
          - { column: event_name, label: Event }
          - { column: source_ip, label: IP }
`,
    );
  }
}

/** Least time `n` calls of one operation need under its token bucket (all others unthrottled), plus their latency. */
function throttleTime(qualified: string, n: number): number {
  const [service, op] = qualified.split(':');
  const limit = service === 'quicksight' ? (THROTTLE[`quicksight:${op}`] ?? THROTTLE['quicksight:*']) : undefined;
  return (limit ? Math.max(0, n - (limit.burst ?? limit.rate)) / limit.rate : 0) * 1000 + LATENCY_MS;
}

const dir = mkdtempSync(join(tmpdir(), 'trailsight-bench-publish-'));
const specsDir = join(dir, 'specs');
writeSpecs(specsDir);
const loaded = await loadSpecs([specsDir]);
if (!loaded.checked) throw new Error(`generated specs do not load: ${JSON.stringify(loaded.findings.slice(0, 3))}`);
const endpoint = await startEndpoint({
  stateDir: join(dir, 'state'),
  s3Root: join(dir, 's3'),
  creationDelayMs: CREATION_DELAY_MS,
  log: () => undefined,
  faults: { latencyMs: { '*': LATENCY_MS }, throttle: THROTTLE },
});
const target = resolveTarget(loaded.checked.project.spec, { name: 'local', account: '000000000000', region: 'us-east-1' });
const resources = compile(loaded.checked, target);
/** One `trailsight publish` as a fresh process would run it: new clients (nothing learnt about the throttle yet). */
async function publish(): Promise<{ ms: number; readMs: number; failed: number; calls: CallCounter }> {
  const clients = createClients({ region: target.region, endpoint: endpoint.url });
  const calls = new CallCounter();
  observeCalls(clients, calls.listener);
  const ctx = awsContext(clients, target);
  try {
    const started = Date.now();
    const planned = await planTarget(ctx, target, resources, { depth: 'quick', prune: false, concurrency: CONCURRENCY });
    const readMs = Date.now() - started;
    const results = await publishPlan(ctx, planned, { concurrency: CONCURRENCY });
    return { ms: Date.now() - started, readMs, failed: results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped').length, calls };
  } finally {
    destroyClients(clients);
  }
}

try {
  const cold = await publish();
  const coldCalls = cold.calls;
  if (cold.failed) throw new Error(`${cold.failed} resource(s) failed in the cold publish`);

  // The bound: what any publisher that reads each resource once and then creates it in dependency
  // order must spend, given the throttle and 100 ms a call.
  // 1. Reading: the List call of each kind that has one (it shows nothing exists yet), then one read
  //    per remaining resource, each operation under its own bucket, CONCURRENCY calls at a time.
  const LISTED = new Set(['DataSource', 'DataSet', 'Analysis', 'Dashboard']);
  const quickReads: Record<string, number> = {};
  for (const r of resources) {
    if (LISTED.has(r.kind)) continue;
    const op =
      r.kind === 'Dashboard'
        ? 'quicksight:DescribeDashboard'
        : r.kind === 'GlueDatabase'
          ? 'glue:GetDatabase'
          : r.kind === 'GlueTable'
            ? 'glue:GetTable'
            : 'athena:GetWorkGroup';
    quickReads[op] = (quickReads[op] ?? 0) + 1;
  }
  const perResource = Object.values(quickReads).reduce((a, b) => a + b, 0);
  const readBound =
    LATENCY_MS + Math.max(Math.ceil(perResource / CONCURRENCY) * LATENCY_MS, ...Object.entries(quickReads).map(([op, n]) => throttleTime(op, n)));
  // 2. The dependency chain up to the datasets: workgroup (created as compiled, then tagged with its
  //    fingerprint) → data source (created, awaited, stamped and tagged) → dataset (created, its
  //    LastUpdatedTime read, tagged).
  const chainToDatasets = 8 * LATENCY_MS + CREATION_DELAY_MS;
  // 3. Analyses and dashboards: each kind's creates at their throttled rate, in parallel; the last
  //    one then needs QuickSight's creation time, one status read and (analyses) its fingerprint tag.
  const boards = Math.max(throttleTime('quicksight:CreateAnalysis', DASHBOARDS), throttleTime('quicksight:CreateDashboard', DASHBOARDS));
  const tail = CREATION_DELAY_MS + 2 * LATENCY_MS;
  const bound = readBound + chainToDatasets + boards + tail;

  const noop = await publish();
  const counter = noop.calls;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `${resources.length} resources (${DASHBOARDS} dashboards + ${DASHBOARDS} analyses over ${DATASETS} datasets); ${LATENCY_MS} ms latency a call; throttle: QuickSight creates/updates 2/s, other QuickSight calls 10/s; concurrency ${CONCURRENCY}`,
  );
  console.log(
    `cold publish: ${s(cold.ms)} (reading ${s(cold.readMs)}), ${coldCalls.reads} reads + ${coldCalls.writes} writes answered, ${coldCalls.throttled} attempts throttled and retried`,
  );
  console.log(
    `  bound: ${s(bound)} = reads ${s(readBound)} + chain to datasets ${s(chainToDatasets)} + throttled analysis/dashboard creates ${s(boards)} + last one's tail ${s(tail)}`,
  );
  console.log(`  ratio cold / bound: ${(cold.ms / bound).toFixed(2)} (target ≤ 1.20)`);
  console.log(
    `  busiest calls: ${[...coldCalls.byOperation]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')}`,
  );
  const listPages = ['ListDataSources', 'ListDataSets', 'ListAnalyses', 'ListDashboards'].reduce(
    (n, op) => n + (counter.answeredByOperation.get(`quicksight:${op}`) ?? 0),
    0,
  );
  const permissionReads = [...counter.answeredByOperation].filter(([op]) => /^quicksight:Describe\w+Permissions$/.test(op)).reduce((n, [, c]) => n + c, 0);
  const resourceReads = counter.reads - listPages - permissionReads;
  console.log(
    `no-op publish: ${s(noop.ms)}, ${counter.reads} reads for ${resources.length} resources = ${(counter.reads / resources.length).toFixed(2)} reads per resource (target ≤ 1), ${counter.writes} writes (target 0); ${counter.throttled} attempts throttled and retried`,
  );
  console.log(
    `  of which ${listPages} List pages (one per kind per 100 resources: every LastUpdatedTime), ${permissionReads} permission reads (the data source, each dataset and dashboard) and ${resourceReads} other resource reads (the deployment record matched: only the data source's tags, the Glue database and tables and the workgroup are read)`,
  );
} finally {
  await endpoint.close();
  rmSync(dir, { recursive: true, force: true });
}
