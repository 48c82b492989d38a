import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { verdicts, type Verdicts } from './agreement.ts';
import { REPO, source, sourcesIn } from './helpers.ts';
import { board, COLUMNS, CONDITIONS, dataset, FIELDS, FILTER_CONTROLS, PARAMETER_CONTROLS, PARAMETERS, VISUALS, withField } from './matrix.ts';

// Lint is the gate: what it accepts, compile must compile. Here both run over the lint fixtures, the
// compile fixtures, dashboards/, and a matrix of filters, controls, fields and refresh schedules.

/** Lint accepts ⇒ compile accepts. Where compile accepts what lint refuses, lint must say why on purpose. */
function assertAgree(what: string, v: Verdicts, stricter: RegExp = /$^/): void {
  assert.ok(v.schemaValid, `${what}: the case itself is schema-invalid: ${v.lint.join('; ')}`);
  if (v.lint.length === 0) {
    assert.equal(v.compile, 'ok', `${what}: lint accepts, but compile refuses:\n${[v.compile].flat().join('\n')}`);
    assert.deepEqual(v.violations ?? [], [], `${what}: lint accepts, but the requests break AWS's API models`);
  }
  if (v.compile === 'ok') {
    const unexpected = v.lint.filter((m) => !stricter.test(m));
    assert.deepEqual(unexpected, [], `${what}: compile accepts, but lint refuses`);
  }
}

/**
 * Lint refuses these on purpose though compile builds them: compile ignores a granularity on a
 * measure, and leaves the aggregation of a sort key on a column outside the visual to QuickSight.
 */
const COMPILE_IGNORES = /granularity '\w+' needs a datetime column|^\S+  (sum|min)\(\w+\): '\w+' is an? \w+ column; (sum|min) needs/;

/** Invalid fixtures compile builds anyway: lint checks what compile leaves to Athena and QuickSight. */
const LINT_ONLY: Record<string, string> = {
  'calculated-unknown-column.yaml': 'QuickSight evaluates calculated fields',
  'column-not-in-table.yaml': 'Athena runs the SQL',
  'sql-struct-field.yaml': 'Athena runs the SQL',
  'sql-unknown-column.yaml': 'Athena runs the SQL',
  'sql-unknown-table.yaml': 'Athena runs the SQL',
  'sql-where-statement.yaml': 'Athena runs the SQL',
  'duplicate-dataset-id.yaml': 'compile does not compare ids across files',
  'second-project.yaml': 'compile takes the one Project it is given',
  'control-slider-options.yaml': 'compile ignores slider options elsewhere, and QuickSight checks min < max',
  'control-id-too-long.yaml': "compile leaves lengths to AWS's API models (the conformance tests)",
  'control-duplicate.yaml': "QuickSight's rules (src/quicksight) run in lint only",
  'control-outside-filter-scope.yaml': "QuickSight's rules (src/quicksight) run in lint only",
  'duplicate-sheet-id.yaml': "QuickSight's rules (src/quicksight) run in lint only",
  'duplicate-visual-id.yaml': "QuickSight's rules (src/quicksight) run in lint only",
  'filter-id-taken.yaml': "QuickSight's rules (src/quicksight) run in lint only",
  'filter-scope-other-dataset.yaml': "QuickSight's rules (src/quicksight) run in lint only",
  'filter-unknown-parameter.yaml': "QuickSight's rules (src/quicksight) run in lint only",
  'raw-visual-columns.yaml': "QuickSight's rules (src/quicksight) run in lint only",
};

/** Lint refuses these on purpose though compile builds them: QuickSight would refuse them. */
const QUICKSIGHT_REFUSES = /needs an? [a-z ]+ parameter; '\w+' is|a slider's min \(\d+\) must be below its max/;

describe('lint and compile agree', function () {
  this.timeout(120000);

  it('compiles the valid lint fixtures (base and valid)', () => {
    assertAgree('base and valid fixtures', verdicts([...sourcesIn('base'), ...sourcesIn('valid')]));
  });

  it('refuses the invalid lint fixtures in compile too, but for what only lint checks', () => {
    for (const invalid of sourcesIn('invalid')) {
      const v = verdicts([...sourcesIn('base'), invalid]);
      const name = invalid.file.split('/').pop()!;
      if (!v.schemaValid) continue;
      assert.equal(v.compile === 'ok', name in LINT_ONLY, `${name}: compile ${v.compile === 'ok' ? 'accepts it' : `refuses it: ${v.compile}`}`);
    }
  });

  it('lints the compile fixtures (test/compile/fixtures) and dashboards/ clean', () => {
    for (const folder of ['test/compile/fixtures', 'dashboards']) {
      const files = readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
      const v = verdicts(files.map((f) => source(`${folder}/${f}`)));
      assert.deepEqual(v.lint, [], folder);
      assertAgree(folder, v);
    }
  });

  it('filters: every condition on every column type, with every control', () => {
    for (const column of COLUMNS) {
      for (const condition of CONDITIONS) {
        const filter = { id: 'f', column, ...condition };
        assertAgree(`filter ${JSON.stringify(filter)}`, board((b) => (b.filters = [filter])), QUICKSIGHT_REFUSES);
        for (const control of FILTER_CONTROLS) {
          const what = `filter ${JSON.stringify(filter)} with control ${JSON.stringify(control)}`;
          const v = board((b) => {
            b.filters = [filter];
            b.sheets[0].controls = [{ ...control, filter: 'f', title: 'C' }];
          });
          assertAgree(what, v, QUICKSIGHT_REFUSES);
        }
      }
    }
  });

  it('visuals: every field in every role of every visual type', () => {
    for (const { visual, roles } of VISUALS) {
      for (const role of roles) {
        for (const field of FIELDS) {
          const spec = { id: 'v', ...withField(visual, role, field) };
          assertAgree(`visual ${JSON.stringify(spec)}`, board((b) => (b.sheets[0].visuals = [spec])), COMPILE_IGNORES);
        }
      }
    }
  });

  it('datasets: free SQL with declarative keys, and every refresh schedule', () => {
    const sql = 'SELECT eventname AS text FROM cloudtrail_logs';
    for (const extra of [{}, { where: 'errorcode IS NULL' }, { window: { days: 3 } }, { columns: [{ name: 'text', expr: 'eventname' }] }]) {
      assertAgree(`sql with ${JSON.stringify(extra)}`, dataset((d) => Object.assign(d, { sql, columns: [{ name: 'text' }], calculated: undefined }, extra)));
    }
    for (const interval of ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY']) {
      for (const timeOfDay of [undefined, '06:30']) {
        for (const dayOfWeek of [undefined, 'MONDAY']) {
          for (const dayOfMonth of [undefined, '1', 'LAST_DAY_OF_MONTH']) {
            const refresh = { interval, timeOfDay, dayOfWeek, dayOfMonth, timezone: 'Europe/Paris' };
            assertAgree(`refresh ${JSON.stringify(refresh)}`, dataset((d) => (d.import = { mode: 'SPICE', refresh })));
          }
        }
      }
    }
  });

  it('parameters: every control on every parameter type', () => {
    for (const parameter of PARAMETERS) {
      for (const control of PARAMETER_CONTROLS) {
        const v = board((b) => (b.sheets[0].controls = [{ ...control, parameter: parameter.name, title: 'C' }]));
        assertAgree(`${JSON.stringify(control)} on ${JSON.stringify(parameter)}`, v, QUICKSIGHT_REFUSES);
      }
    }
  });
});
