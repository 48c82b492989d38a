import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding, checkSpecs, loadSpecs, type Finding, type SpecSource } from '../../src/language/index.ts';
import { textSource } from './helpers.ts';

/** The findings for one hostile file, linted alone (so the "no Project" finding is left out). */
function refuse(source: SpecSource): Finding[] {
  return checkSpecs([source]).findings.filter((f) => f.rule !== 'project-count');
}

describe('hostile input is refused with file:line:col, never a hang or a stack', () => {
  it('an alias bomb (billion laughs)', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const findings = refuse(textSource('bomb.yaml', `${levels.join('\n')}\n`));
    assert.deepEqual(findings.map(formatFinding), ['bomb.yaml:2:8  aliases expand to too many nodes (more than 100): refusing a possible YAML alias bomb']);
  });

  it('a binary file (NUL bytes), at the first NUL', () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: trailsight/v1\nkind: '), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01])]);
    assert.deepEqual(refuse({ file: 'x.yaml', bytes }).map(formatFinding), ['x.yaml:2:11  binary file (it contains NUL bytes): expected a YAML spec']);
  });

  it('invalid UTF-8, at the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    assert.deepEqual(refuse({ file: 'latin1.yaml', bytes }).map(formatFinding), ['latin1.yaml:1:10  file is not valid UTF-8 text: expected a YAML spec']);
  });

  it('an empty file, and one with only blanks', () => {
    for (const text of ['', '  \n\n']) {
      assert.deepEqual(refuse(textSource('empty.yaml', text)).map(formatFinding), [
        'empty.yaml:1:1  empty file: expected a spec starting with apiVersion, kind, id and name',
      ]);
    }
  });

  it('duplicate keys, at the second one', () => {
    const findings = refuse(textSource('dup.yaml', 'apiVersion: trailsight/v1\nkind: DataSet\nid: a\nkind: Project\n'));
    assert.deepEqual(findings.map(formatFinding), ['dup.yaml:4:1  duplicate key: this key is already set above in the same mapping']);
  });

  it('deeply nested flow collections', () => {
    const depth = 20000;
    const findings = refuse(textSource('deep.yaml', `${'['.repeat(depth)}${']'.repeat(depth)}\n`));
    assert.equal(findings.length, 1);
    assert.match(formatFinding(findings[0]), /^deep\.yaml:1:\d+ {2}YAML nested too deeply: refusing it$/);
  });

  describe('on disk', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'trailsight-hostile-'));
    });
    after(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('a 10 MB file is refused by its size, before it is parsed', async () => {
      const file = join(dir, 'huge.yaml');
      const line = 'key: value value value value value value value value value value value\n';
      await writeFile(file, line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)));
      const { findings } = await loadSpecs([file]);
      assert.deepEqual(findings.filter((f) => f.rule !== 'project-count').map(formatFinding), [
        `${file}:1:1  file is 10.0 MB; a spec may be at most 1.0 MB (is this really a spec?)`,
      ]);
    });

    it('a duplicate id is reported at the second file, naming the first', async () => {
      const board = (id: string, kind: string) =>
        `apiVersion: trailsight/v1\nkind: ${kind}\nid: ${id}\nname: X\ndatasets: { e: events }\nsheets: [{ id: s, title: S, visuals: [{ type: kpi, id: k, value: count(event_id) }] }]\n`;
      await writeFile(join(dir, 'a-dashboard.yaml'), board('shared', 'Dashboard'));
      await writeFile(join(dir, 'b-analysis.yaml'), board('shared', 'Analysis'));
      const { findings } = await loadSpecs([join(dir, 'a-dashboard.yaml'), join(dir, 'b-analysis.yaml')]);
      const duplicates = findings.filter((f) => f.rule === 'unique-ids');
      assert.deepEqual(duplicates.map(formatFinding), [
        `${join(dir, 'b-analysis.yaml')}:3:5  duplicate analysis id 'shared': already used by the Dashboard in ${join(dir, 'a-dashboard.yaml')}:3:5 (dashboards and analyses share ids: a dashboard is also an analysis)`,
      ]);
    });
  });
});
