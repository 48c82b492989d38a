import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisDefinition, CreateDataSetCommandInput } from '@aws-sdk/client-quicksight';
import { findModelsDir, loadModel, validateOperationInput } from '../../src/awsmodel/index.ts';
import { resolveTarget } from '../../src/compile/index.ts';
import { dataSetArn } from '../../src/kinds/dataset/identity.ts';
import { compile, type DesiredResource } from '../../src/kinds/index.ts';
import { outputColumns } from '../../src/endpoint/quicksight/dataset-columns.ts';
import { checkSpecs, formatFinding, type SpecSource } from '../../src/language/index.ts';
import { checkDefinition, pathText, type DataSetColumn } from '../../src/quicksight/index.ts';
import { fixtureSpecs, gatedWith } from '../compile/helpers.ts';
import { REPO, source, sourcesIn } from './helpers.ts';
import { MATRIX } from './matrix.ts';

// The gate's guarantee. Compile takes the checked model, which only the gate makes, and has no way to
// refuse it; here every spec set the gate accepts — the valid fixtures, the compile fixtures,
// dashboards/ and a matrix of filters × controls, fields × roles × column types, parameters ×
// controls and refresh schedules — compiles, and what it compiles to keeps QuickSight's rules
// (src/quicksight, as the endpoint applies them) and AWS's API models (when at hand). The invalid
// fixtures are refused with their expected findings: test/language/fixtures.test.ts.

const models = findModelsDir();

/** What the gate makes of `sources`: accepted (and then compiled and held to QuickSight's rules) or refused. */
function verdict(what: string, sources: readonly SpecSource[]): 'accepted' | 'refused' {
  const { checked, findings } = checkSpecs(sources);
  if (!checked) {
    assert.ok(
      findings.some((f) => f.severity === 'error'),
      `${what}: refused without an error finding`,
    );
    return 'refused';
  }
  const target = resolveTarget(checked.project.spec);
  const resources = compile(checked, target);
  assert.deepEqual(
    quicksightViolations(resources, (id) => dataSetArn(target, id)),
    [],
    `${what}: compiled definitions break QuickSight's rules`,
  );
  if (models) assert.deepEqual(modelViolations(resources), [], `${what}: compiled requests break AWS's API models`);
  return 'accepted';
}

/** Each analysis and dashboard definition against QuickSight's rules, over the compiled datasets' columns as the endpoint works them out. */
function quicksightViolations(resources: readonly DesiredResource[], datasetArn: (id: string) => string): string[] {
  const columns = new Map<string, DataSetColumn[]>();
  for (const r of resources) {
    if (r.kind !== 'DataSet') continue;
    const input = r.input as CreateDataSetCommandInput;
    const calculated = new Set(
      Object.values(input.LogicalTableMap ?? {})
        .flatMap((t) => t.DataTransforms ?? [])
        .flatMap((t) => t.CreateColumnsOperation?.Columns ?? [])
        .map((c) => c.ColumnName),
    );
    columns.set(
      datasetArn(r.id),
      outputColumns(input.PhysicalTableMap, input.LogicalTableMap, () => undefined).map((c) => ({
        name: c.Name,
        ...(calculated.has(c.Name) ? {} : { type: c.Type }),
      })),
    );
  }
  return resources.flatMap((r) => {
    if (r.kind !== 'Analysis' && r.kind !== 'Dashboard') return [];
    const definition = r.input.Definition as AnalysisDefinition;
    return checkDefinition(definition, (arn) => columns.get(arn)).map((v) => `${r.kind} ${r.id} ${pathText(v.path)}: ${v.message}`);
  });
}

function modelViolations(resources: readonly DesiredResource[]): string[] {
  const requests = resources.flatMap((r) => [
    { service: r.service, operation: r.operation, input: r.input as unknown },
    ...(r.kind === 'DataSet' && r.refreshSchedule
      ? [{ service: 'quicksight' as const, operation: 'CreateRefreshSchedule', input: r.refreshSchedule as unknown }]
      : []),
  ]);
  return requests.flatMap((r) =>
    validateOperationInput(loadModel(r.service, models!)!, r.operation, r.input).map((v) => `${r.operation} ${v.path}: ${v.message}`),
  );
}

function folder(path: string): SpecSource[] {
  return readdirSync(join(REPO, path), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => source(`${path}/${f}`));
}

describe("the gate: what it accepts compiles, and keeps QuickSight's rules", function () {
  this.timeout(300000);

  it('accepts the valid fixtures, the compile fixtures and dashboards/, and compiles them', () => {
    for (const [what, sources] of [
      ['test/language/fixtures (base and valid)', [...sourcesIn('base'), ...sourcesIn('valid')]],
      ['test/compile/fixtures', folder('test/compile/fixtures')],
      ['dashboards/', folder('dashboards')],
    ] as const) {
      assert.deepEqual(checkSpecs(sources).findings.map(formatFinding), [], what);
      assert.equal(verdict(what, sources), 'accepted', what);
    }
  });

  it('collects every finding of a board at once, each at its place, and makes no model', () => {
    const { checked, findings } = gatedWith(fixtureSpecs(), 'all-visuals', (d) => {
      d.sheets[0].visuals[0].value = 'sum(event_name)';
      d.sheets[0].visuals[3].x = 'no_such_column';
      d.filters[2].scope = { sheets: ['nowhere'] };
      d.sheets[1].controls[0] = { type: 'slider', filter: 'principal-types', title: 'Types' };
      d.sheets[0].controls[3] = { type: 'date-range', parameter: 'user', title: 'Range' };
    });
    assert.equal(checked, undefined);
    assert.ok(findings.every((f) => f.file === 'test/compile/fixtures/dashboard-all-visuals.yaml' && f.line > 0 && f.col > 0));
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        "filter 'principal-types': no sheet 'nowhere' to scope to",
        "control 'Principal type': filter 'principal-types' applies only to sheet 'nowhere', not 'overview': put the control there or widen the filter's scope",
        "control 'Range': a date-range control drives a filter with `timeRange` or a last period (`lastDays`, `lastHours`, …), not a parameter (a `date` control sets one datetime parameter)",
        "sum(event_name): 'event_name' is a string column; sum needs integer or decimal (count or distinct_count work on any column)",
        "no column 'no_such_column' in dataset 'events'",
        "control 'Types': a slider control drives a filter with `between`; filter 'principal-types' has an `equals` list",
      ],
    );
  });

  for (const [family, cases] of Object.entries(MATRIX)) {
    it(`compiles every case of ${family} it accepts`, () => {
      const counts = { accepted: 0, refused: 0 };
      for (const { what, sources } of cases()) counts[verdict(what, sources)]++;
      // Both sides are exercised: a matrix the gate refused whole would prove nothing.
      assert.ok(counts.accepted > 0 && counts.refused > 0, `${family}: ${JSON.stringify(counts)}`);
    });
  }
});
