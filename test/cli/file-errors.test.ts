import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

describe('cli: a file-system error on a path the user gave is a message, not a stack', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('compile --out naming a file', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const run = await runCli(['compile', '--out', file], REPO);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`^trailsight: cannot mkdir ${file}: a file is already there\\n$`));
  });

  it('sample --out below a file', async () => {
    const file = join(dir, 'plain-file');
    await writeFile(file, 'x');
    const run = await runCli(['sample', '--out', join(file, 'logs'), '--events', '10'], REPO);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^trailsight: cannot mkdir .*plain-file\/logs.*: a part of the path is a file, not a folder\n$/);
    assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
  });
});
