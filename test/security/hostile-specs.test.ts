/**
 * A DataSet spec from a stranger's pull request: its SQL is checked as Trino by the parser the
 * engine runs, before anything runs. DuckDB's string forms, a parenthesis that would close the
 * preview's `WITH ds AS (…)`, functions that read files: refused by lint at file:line:col, and
 * `plan` and `publish` stop there — no endpoint, no query, no file written.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));

function dataset(id: string, body: string): string {
  return `apiVersion: trailsight/v1\nkind: DataSet\nid: ${id}\nname: ${id}\n${body}\n`;
}

describe('security: hostile SQL in a DataSet spec', function () {
  this.timeout(120000);
  let repo: string;
  let victim: string;

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'trailsight-hostile-specs-'));
    victim = join(repo, 'outside', 'stolen.csv');
    cpSync(DASHBOARDS, join(repo, 'dashboards'), { recursive: true });
    writeFileSync(
      join(repo, 'dashboards', 'datasets', 'e-string.yaml'),
      dataset('e-string', ['columns:', `  - { name: leaked, expr: "E'\\\\'' || (SELECT content FROM read_text('/etc/passwd')) || '\\\\''" }`].join('\n')),
    );
    writeFileSync(
      join(repo, 'dashboards', 'datasets', 'closes-with.yaml'),
      dataset(
        'closes-with',
        [
          'columns:',
          '  - { name: event_name }',
          'sql: |',
          '  SELECT eventname AS event_name FROM cloudtrail_logs',
          `  ) COPY (SELECT 1) TO '${victim}' --`,
        ].join('\n'),
      ),
    );
    writeFileSync(
      join(repo, 'dashboards', 'datasets', 'reads-files.yaml'),
      dataset('reads-files', ['columns:', '  - { name: line }', 'sql: |', "  SELECT line FROM read_csv('/etc/passwd') AS t(line)"].join('\n')),
    );
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('lint refuses each, at its file, line and column', async () => {
    const { code, stdout, stderr } = await runCli(['lint'], repo);
    assert.equal(code, 1, stderr);
    const findings = stdout.split('\n').filter((line) => line.startsWith('dashboards/datasets/'));
    assert.ok(
      findings.some((f) => /^dashboards\/datasets\/e-string\.yaml:6:\d+ +column 'leaked': /.test(f)),
      stdout,
    );
    assert.ok(
      findings.some((f) => /^dashboards\/datasets\/closes-with\.yaml:9:3 +sql: unmatched '\)'/.test(f)),
      stdout,
    );
    assert.ok(
      findings.some((f) => /^dashboards\/datasets\/reads-files\.yaml:8:\d+ +sql: syntax error: /.test(f)),
      stdout,
    );
  });

  for (const command of [['plan'], ['publish'], ['preview']]) {
    it(`${command[0]} stops at the specs: no endpoint started, no query run, nothing written`, async () => {
      const { code, stderr } = await runCli(command, repo);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /the specs have errors/);
      assert.equal(existsSync(victim), false);
      assert.equal(existsSync(join(repo, '.trailsight', 'endpoint')), false, 'no endpoint state: nothing ran');
      assert.equal(existsSync(join(repo, 'out')), false);
    });
  }
});
