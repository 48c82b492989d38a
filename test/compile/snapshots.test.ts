import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisDefinition, Visual } from '@aws-sdk/client-quicksight';
import { canonical, resolveTarget } from '../../src/compile/index.ts';
import { compile, requestFiles } from '../../src/kinds/index.ts';
import { fixtureSpecs } from './helpers.ts';

/**
 * Readable snapshots of compiled output: every request of the fixtures (one file per request, as
 * `trailsight compile` writes them) and one file per visual type. Refresh with UPDATE_SNAPSHOTS=1.
 */
const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const specs = fixtureSpecs();
const resources = compile(specs, resolveTarget(specs.project.spec));

function snapshots(): Map<string, string> {
  const files = new Map(requestFiles(resources).map((f) => [f.name, f.content]));
  const dashboard = resources.find((r) => r.kind === 'Dashboard' && r.id === 'all-visuals');
  if (dashboard?.kind !== 'Dashboard') throw new Error('the fixtures have no all-visuals dashboard');
  const definition = dashboard.input.Definition as AnalysisDefinition;
  const visuals = new Map<string, Visual>();
  for (const spec of specs.dashboards[0].spec.sheets.flatMap((s) => s.visuals)) {
    if (visuals.has(spec.type)) continue;
    const compiled = definition.Sheets!.flatMap((s) => s.Visuals!).find((v) => (Object.values(v)[0] as { VisualId?: string }).VisualId === spec.id)!;
    visuals.set(spec.type, compiled);
    files.set(`visual.${spec.type}.json`, `${JSON.stringify({ spec: canonical(spec), compiled: canonical(compiled) }, null, 2)}\n`);
  }
  return files;
}

describe('compile: snapshots (test/compile/__snapshots__)', () => {
  const current = snapshots();

  if (UPDATE) {
    before(() => {
      rmSync(SNAPSHOTS, { recursive: true, force: true });
      mkdirSync(SNAPSHOTS, { recursive: true });
      for (const [name, content] of current) writeFileSync(join(SNAPSHOTS, name), content);
    });
  }

  it('has a snapshot for each kind and each visual type', () => {
    const names = [...current.keys()];
    for (const operation of [
      'glue.CreateDatabase',
      'glue.CreateTable',
      'athena.CreateWorkGroup',
      'quicksight.CreateDataSource',
      'quicksight.CreateDataSet',
      'quicksight.CreateRefreshSchedule',
      'quicksight.CreateAnalysis',
      'quicksight.CreateDashboard',
    ]) {
      assert.ok(
        names.some((n) => n.startsWith(`${operation}.`)),
        operation,
      );
    }
    for (const type of ['kpi', 'bar', 'line', 'pie', 'table', 'pivot', 'heatmap', 'raw']) assert.ok(current.has(`visual.${type}.json`), type);
  });

  it('matches the committed snapshots (UPDATE_SNAPSHOTS=1 to accept changes)', () => {
    assert.ok(existsSync(SNAPSHOTS), 'no snapshots yet: run with UPDATE_SNAPSHOTS=1');
    assert.deepEqual(readdirSync(SNAPSHOTS).sort(), [...current.keys()].sort(), 'the set of snapshot files');
    for (const [name, content] of current) {
      assert.equal(content, readFileSync(join(SNAPSHOTS, name), 'utf8'), `${name} differs from its snapshot`);
    }
  });
});
