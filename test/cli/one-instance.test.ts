import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/cli/errors.ts';
import { main } from '../../src/cli/main.ts';

/** Runs the CLI in-process, as a test can; returns the exit code and what it wrote on standard error. */
async function mainInProcess(argv: string[]): Promise<{ code: number; stderr: string }> {
  const written: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { code: await main(argv), stderr: written.join('') };
  } finally {
    process.stderr.write = write;
  }
}

describe('tests load one ES module instance of each module, as the product does', () => {
  it('a test file is an ES module', () => {
    assert.equal(typeof require, 'undefined', 'this file was loaded as CommonJS (see .mocharc.yml)');
  });

  it('a module imported statically and with import() is the same instance', async () => {
    const loaded = await import('../../src/cli/errors.ts');
    assert.equal(loaded.UserError, UserError);
  });

  it('the error a lazily loaded action throws is an instance of the class the test imports', async () => {
    const { run } = await import('../../src/cli/actions/lint.ts');
    await assert.rejects(run(['no/such/folder'], { format: 'text' }), (error) => error instanceof UserError && error.exitCode === 2);
  });

  it('main() tells a UserError and an UnsafePathError thrown by an action by its class: one line, no stack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trailsight-one-instance-'));
    try {
      await symlink(tmpdir(), join(dir, 'out'));
      const link = await mainInProcess(['compile', '--out', join(dir, 'out')]);
      assert.equal(link.code, 1, link.stderr);
      assert.match(link.stderr, /^trailsight: \S+\/out is a symbolic link, .*\n$/);
      const missing = await mainInProcess(['lint', 'no/such/folder']);
      assert.deepEqual(missing, { code: 2, stderr: 'trailsight: no such file or folder: no/such/folder\n' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
