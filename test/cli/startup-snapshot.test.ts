import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliResult, runCli } from './run-cli.ts';

/**
 * `lint` starts from the CLI's V8 startup snapshot (src/cli/startup-snapshot.ts), whose parser was run
 * over public queries and the shipped specs while it was built. Nothing a user runs may depend on
 * that: the same specs give the same output and exit code with the snapshot and without it
 * (TRAILSIGHT_SNAPSHOT=0), and a snapshot built for another folder is not used.
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const INVALID = join(REPO, 'test/language/fixtures/invalid');

function trailsight(bin: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, REPO, { bin, env });
}

const BIN = join(REPO, 'bin/trailsight.js');
const withSnapshot = (args: readonly string[]) => trailsight(BIN, args);
const withoutSnapshot = (args: readonly string[]) => trailsight(BIN, args, { TRAILSIGHT_SNAPSHOT: '0' });

describe('lint from the startup snapshot', function () {
  this.timeout(300_000);

  it('the build made one for this Node.js and this folder', async () => {
    const manifest = JSON.parse(await readFile(join(REPO, 'dist/snapshot/cli.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(manifest, { node: process.version, platform: process.platform, arch: process.arch, root: REPO.replace(/\/$/, '') });
  });

  it('gives what the CLI without it gives: the shipped specs, and every broken fixture (text and JSON)', async () => {
    const broken = (await readdir(INVALID)).filter((name) => name.endsWith('.yaml')).map((name) => join(INVALID, name));
    const cases: string[][] = [
      ['lint'],
      ['lint', '--format', 'json', 'test/language/fixtures/base', ...broken],
      ['lint', 'test/language/fixtures/base', ...broken],
      ['lint', 'no-such-folder'],
      ['lint', '--format', 'xml'],
    ];
    for (const args of cases) {
      const [fromSnapshot, plain] = [await withSnapshot(args), await withoutSnapshot(args)];
      assert.deepEqual(fromSnapshot, plain, `trailsight ${args.join(' ')}`);
    }
    // The broken fixtures really are reported (the comparison is not between two empty outputs).
    const report = JSON.parse((await withSnapshot(cases[1]!)).stdout) as { findings: unknown[] };
    assert.ok(report.findings.length >= broken.length, `${report.findings.length} findings for ${broken.length} broken files`);
  });

  it('a snapshot built for another folder is not used: the CLI starts as usual', async () => {
    // A copy of the package's bin/ beside its dist/: the manifest names the repository, not this folder.
    const elsewhere = await mkdtemp(join(tmpdir(), 'trailsight-moved-'));
    try {
      await mkdir(join(elsewhere, 'bin'));
      await copyFile(BIN, join(elsewhere, 'bin/trailsight.js'));
      await copyFile(join(REPO, 'package.json'), join(elsewhere, 'package.json'));
      await symlink(join(REPO, 'dist'), join(elsewhere, 'dist'));
      const moved = await trailsight(join(elsewhere, 'bin/trailsight.js'), ['lint', '--format', 'json', 'test/language/fixtures/base']);
      assert.deepEqual(moved, await withoutSnapshot(['lint', '--format', 'json', 'test/language/fixtures/base']));
      assert.equal(moved.code, 0, moved.stderr);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
