import assert from 'node:assert/strict';
import { parseYaml } from '../../src/language/load/parse-yaml.ts';

const TEXT = `apiVersion: trailsight/v1
kind: DataSet
columns:
  - name: a
    expr: >-
      coalesce(useridentity.username,
               useridentity.arn)
  - { name: b, expr: "lower(eventname)" }
base: &base { days: 7 }
window: *base
`;

describe('positions in a spec (Located)', () => {
  const { parsed } = parseYaml('x.yaml', TEXT);
  const located = parsed!.located;

  it('maps a JSON path to the value, and a missing path to its nearest existing parent', () => {
    assert.deepEqual(located.at(['columns', 1, 'expr']), { file: 'x.yaml', line: 8, col: 22 });
    assert.deepEqual(located.at(['columns', 1, 'type']), { file: 'x.yaml', line: 8, col: 5 });
    assert.deepEqual(located.at(['sheets', 3]), { file: 'x.yaml', line: 1, col: 1 });
  });

  it('keyAt points at the key itself', () => {
    assert.deepEqual(located.keyAt(['columns', 0, 'expr']), { file: 'x.yaml', line: 5, col: 5 });
  });

  it('follows aliases to the anchored value', () => {
    assert.deepEqual(located.at(['window', 'days']), { file: 'x.yaml', line: 9, col: 21 });
  });

  it('atText finds a word inside a folded scalar and a quoted one', () => {
    const folded = (located.spec as { columns: { expr: string }[] }).columns[0].expr;
    assert.deepEqual(located.atText(['columns', 0, 'expr'], folded.lastIndexOf('useridentity')), { file: 'x.yaml', line: 7, col: 16 });
    assert.deepEqual(located.atText(['columns', 1, 'expr'], 'lower('.length), { file: 'x.yaml', line: 8, col: 29 });
  });
});
