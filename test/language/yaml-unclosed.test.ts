import assert from 'node:assert/strict';
import { formatFinding, checkSpecs } from '../../src/language/index.ts';
import { textSource } from './helpers.ts';

const HEAD = 'apiVersion: trailsight/v1\nkind: Dashboard\nid: board\n';

/**
 * A bracket or quote left open reaches the end of the file; the parser gives up there (past the last
 * line), so lint reports it where it opens. Each case: the file's text and its YAML findings.
 */
const CASES: [string, string, string[]][] = [
  [
    'an unclosed [ on the last of 4 lines',
    `${HEAD}name: [unclosed, list\n`,
    ["4:7  YAML syntax: '[' is never closed: a flow list must end with ']' (and its lines be indented more than its key)"],
  ],
  [
    'an unclosed [ without a final newline',
    `${HEAD}name: [unclosed, list`,
    ["4:7  YAML syntax: '[' is never closed: a flow list must end with ']' (and its lines be indented more than its key)"],
  ],
  [
    'an unclosed {',
    `${HEAD}name: { a: 1, b: 2\n`,
    ["4:7  YAML syntax: '{' is never closed: a flow mapping must end with '}' (and its lines be indented more than its key)"],
  ],
  [
    'an unterminated double-quoted string',
    `${HEAD}name: "unclosed\n`,
    ['4:7  YAML syntax: the string opened by " here is never closed (missing the closing ")'],
  ],
  ['an unterminated single-quoted string', `${HEAD}name: 'it''s\n`, ["4:7  YAML syntax: the string opened by ' here is never closed (missing the closing ')"]],
  ['a string whose last quote is escaped', `${HEAD}name: "a\\"\n`, ['4:7  YAML syntax: the string opened by " here is never closed (missing the closing ")']],
  [
    'an unclosed [ before more lines',
    'apiVersion: trailsight/v1\nkind: Dashboard\nid: [a, b\nname: x\n',
    ["3:5  YAML syntax: '[' is never closed: a flow list must end with ']' (and its lines be indented more than its key)"],
  ],
  [
    'an unclosed quote before more lines',
    'apiVersion: trailsight/v1\nkind: Dashboard\nid: "a\nname: x\n',
    ['3:5  YAML syntax: the string opened by " here is never closed (missing the closing ")'],
  ],
  [
    'two nested, both unclosed',
    `${HEAD}name: [x, { a: [y\n`,
    [
      "4:7  YAML syntax: '[' is never closed: a flow list must end with ']' (and its lines be indented more than its key)",
      "4:11  YAML syntax: '{' is never closed: a flow mapping must end with '}' (and its lines be indented more than its key)",
      "4:16  YAML syntax: '[' is never closed: a flow list must end with ']' (and its lines be indented more than its key)",
    ],
  ],
  [
    'a list item opening [',
    `${HEAD}name: x\nsheets:\n  - [a, b\n`,
    ["6:5  YAML syntax: '[' is never closed: a flow list must end with ']' (and its lines be indented more than its key)"],
  ],
];

describe('YAML left open at the end of the file is reported where it opens', () => {
  for (const [what, text, expected] of CASES) {
    it(what, () => {
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      const findings = checkSpecs([textSource('open.yaml', text)]).findings.filter((f) => f.rule === 'yaml');
      assert.deepEqual(
        findings.map((f) => formatFinding(f).replace(/^open\.yaml:/, '')),
        expected,
      );
      for (const f of findings) assert.ok(f.line <= lines, `${formatFinding(f)} is past the last line (${lines})`);
    });
  }

  it('an empty anchor at the end of the file is reported on the last line', () => {
    const findings = checkSpecs([textSource('end.yaml', 'apiVersion: trailsight/v1\nkind: Dashboard\nid: &\n')]).findings.filter((f) => f.rule === 'yaml');
    assert.deepEqual(findings.map(formatFinding), ['end.yaml:3:5  YAML syntax: Anchor cannot be an empty string']);
  });
});
