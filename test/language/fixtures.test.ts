import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFinding, checkSpecs } from '../../src/language/index.ts';
import { REPO, sourcesIn } from './helpers.ts';

// Each invalid fixture starts with its expected findings, `# expect: LINE:COL  message`, and is linted
// together with the valid specs in fixtures/base (a Project and a DataSet).
describe('spec fixtures', () => {
  const base = sourcesIn('base');

  it('the base and valid fixtures pass the gate into a checked model', () => {
    const { findings, checked } = checkSpecs([...base, ...sourcesIn('valid')]);
    assert.deepEqual(findings.map(formatFinding), []);
    assert.ok(checked);
    assert.equal(checked.project.spec.id, 'fixture');
    assert.deepEqual(
      checked.datasets.map((d) => d.spec.id),
      ['events', 'resources-touched'],
    );
    assert.deepEqual(
      checked.dashboards.map((d) => d.spec.id),
      ['controls', 'time-filters', 'two-datasets'],
    );
    assert.deepEqual(
      checked.analyses.map((d) => d.spec.id),
      ['raw-analysis'],
    );
    assert.deepEqual(checked.dashboards[2].at(['sheets', 0, 'visuals', 1]), { file: 'test/language/fixtures/valid/two-datasets.yaml', line: 22, col: 9 });
  });

  for (const invalid of sourcesIn('invalid')) {
    const text = readFileSync(join(REPO, invalid.file), 'utf8');
    const expected = [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => m[1]);
    it(`${invalid.file}: ${expected[0]?.replace(/^\S+\s+/, '')}`, () => {
      assert.ok(expected.length > 0, 'the fixture states what it expects');
      const { findings, checked } = checkSpecs([...base, invalid]);
      const mine = findings.filter((f) => f.file === invalid.file).map((f) => `${f.line}:${f.col}  ${f.message}`);
      assert.deepEqual(mine, expected);
      assert.equal(checked, undefined, 'no checked model when there are errors');
    });
  }
});
