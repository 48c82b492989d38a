import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.ts';
import { REPO } from './helpers.ts';

const run = promisify(execFile);

/** Runs `node bin/trailsight.js lint …` from the repository root; returns exit code and output. */
async function lint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/trailsight.js', 'lint', ...args], { cwd: REPO });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('trailsight lint (CLI)', function () {
  this.timeout(120000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-lint-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('dashboards/ (the default) is clean: exit 0', async () => {
    const result = await lint();
    assert.equal(result.stdout, 'lint: no problems found\n');
    assert.equal(result.code, 0, result.stderr);
  });

  it('findings: sorted `file:line:col  message` lines, a summary, exit 1', async () => {
    const result = await lint(
      'test/language/fixtures/base',
      'test/language/fixtures/invalid/unknown-field.yaml',
      'test/language/fixtures/invalid/sql-unknown-column.yaml',
    );
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      [
        "test/language/fixtures/invalid/sql-unknown-column.yaml:8:37  column 'event_name': unknown column 'eventnme' (did you mean 'eventname'?)",
        "test/language/fixtures/invalid/unknown-field.yaml:11:34  no column 'event_nam' in dataset 'events' (did you mean 'event_name'?)",
        'lint: 2 errors, 0 warnings in 2 files',
        '',
      ].join('\n'),
    );
  });

  it('--format json: the findings for machines', async () => {
    const result = await lint('--format', 'json', 'test/language/fixtures/base', 'test/language/fixtures/invalid/unknown-field.yaml');
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as { ok: boolean; findings: Record<string, unknown>[] };
    assert.equal(report.ok, false);
    assert.deepEqual(report.findings, [
      {
        file: 'test/language/fixtures/invalid/unknown-field.yaml',
        line: 11,
        col: 34,
        message: "no column 'event_nam' in dataset 'events' (did you mean 'event_name'?)",
        rule: 'fields-exist',
        severity: 'error',
        path: 'sheets[0].visuals[0].x',
      },
    ]);
  });

  it('hostile files: each refused with its file:line, exit 1, no stack', async () => {
    await writeFile(join(dir, 'binary.yaml'), Buffer.from([0x00, 0x01, 0x02]));
    await writeFile(join(dir, 'empty.yml'), '');
    const result = await lint(dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /binary\.yaml:1:1 {2}binary file/);
    assert.match(result.stdout, /empty\.yml:1:1 {2}empty file/);
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /);
  });

  it('a single file is checked against dashboards/ (its Project and datasets), findings only for that file', async () => {
    const file = join(dir, 'extra.yaml');
    await writeFile(
      file,
      'apiVersion: trailsight/v1\nkind: Dashboard\nid: extra\nname: Extra\ndatasets: { events: cloudtrail-events }\n' +
        'sheets: [{ id: s, title: S, visuals: [{ type: kpi, id: k, value: count(event_idd) }] }]\n',
    );
    const result = await lint(file);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      `${file}:6:66  no column 'event_idd' in dataset 'cloudtrail-events' (did you mean 'event_id'?)\nlint: 1 error, 0 warnings in 1 file\n`,
    );
  });

  it('usage errors exit 2: an unknown flag, a path that does not exist, an unknown format', async () => {
    const [flag, missing, format] = await Promise.all([lint('--bogus'), lint('no/such/folder'), lint('--format', 'xml')]);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /unknown option '--bogus'/);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'trailsight: no such file or folder: no/such/folder\n');
    assert.equal(format.code, 2);
    assert.match(format.stderr, /xml/);
  });

  it('in-process too: main() reports a user error without a stack', async () => {
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      assert.equal(await main(['lint', 'no/such/folder']), 2);
    } finally {
      process.stderr.write = write;
    }
    assert.equal(written.join(''), 'trailsight: no such file or folder: no/such/folder\n');
  });
});
