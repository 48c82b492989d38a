import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../src/engine/sample/generate.ts';
import { storageFailure } from '../../src/files/storage-failure.ts';
import { storageFailureNote } from '../../src/targets/storage-note.ts';
import { runCli } from '../cli/run-cli.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));

/** Mounts a small tmpfs at `dir` (a real file system that fills up); false when this machine does not let us. */
function mountSmallDisk(dir: string, size: string): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}

const NEEDS_MOUNT = '      (skipped: a full disk is made with `mount -t tmpfs -o size=…`, which needs root and a system that allows mounts here)';

describe('security: a full disk is a clear error', () => {
  it('storageFailure tells a full disk, a quota or a read-only file system from other failures, through causes', () => {
    const full = Object.assign(new Error('write failed'), { code: 'ENOSPC' });
    assert.equal(storageFailure(full), 'no space left on the device');
    assert.equal(
      storageFailure(new Error('cannot write the cache file x.partial', { cause: new Error('IO Error: Could not write file "x": No space left on device') })),
      'no space left on the device',
    );
    assert.equal(storageFailure(Object.assign(new Error('q'), { code: 'EDQUOT' })), 'the disk quota is exceeded');
    assert.equal(storageFailure(new Error('Read-only file system')), 'the file system is read-only');
    assert.equal(storageFailure(new Error('Binder Error: column x not found')), undefined);
    assert.equal(storageFailure(Object.assign(new Error('gone'), { code: 'ENOENT' })), undefined);
    assert.equal(storageFailureNote([]), undefined);
    assert.equal(
      storageFailureNote([
        { path: '/w/.trailsight/endpoint/engine-cache', reason: 'no space left on the device' },
        { path: '/w/.trailsight/endpoint/engine-cache', reason: 'no space left on the device' },
      ]),
      "local: the preview's queries failed: cannot write the query cache /w/.trailsight/endpoint/engine-cache: no space left on the device (free some space there and run again)",
    );
  });

  describe('on a real full file system (tmpfs)', function () {
    this.timeout(240_000);
    let dir: string;
    const mounted: string[] = [];
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'trailsight-disk-full-'));
      await generateSample({ out: join(dir, 'logs'), events: 20_000, days: 3, seed: 4 });
    });
    afterEach(() => {
      for (const at of mounted.splice(0)) unmount(at);
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('trailsight query: one line naming the cache folder, exit 1, no stack', async function () {
      const cache = join(dir, 'cache');
      await mkdir(cache);
      if (!mountSmallDisk(cache, '1m')) {
        console.log(NEEDS_MOUNT);
        this.skip();
      }
      mounted.push(cache);
      // A query that reads every column stores every column: 20,000 events do not fit in 1 MB (a
      // count(*) alone stores three columns now, which may).
      const result = await runCli(
        ['query', '--logs', join(dir, 'logs'), '--cache', cache, '--sql', 'SELECT count(*) FROM (SELECT * FROM cloudtrail_logs)'],
        dir,
      );
      assert.equal(result.code, 1, result.stderr);
      assert.equal(
        result.stderr,
        `trailsight: cannot write the query cache ${cache}: no space left on the device (free some space there, or pass --cache with a folder on another disk)\n`,
      );
      assert.equal(result.stdout, '');
    });

    it("publish on the local target fails when the preview's queries cannot write the query cache", async function () {
      const work = join(dir, 'work');
      const cache = join(work, '.trailsight', 'endpoint', 'engine-cache');
      await mkdir(cache, { recursive: true });
      if (!mountSmallDisk(cache, '512k')) {
        console.log(NEEDS_MOUNT);
        this.skip();
      }
      mounted.push(cache);
      const result = await runCli(['publish', DASHBOARDS, '--logs', join(dir, 'logs')], work);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stdout, /publish: 25 created/, 'the resources themselves were published');
      assert.ok(
        result.stderr.includes(
          `\nlocal: the preview's queries failed: cannot write the query cache ${cache}: no space left on the device (free some space there and run again)\n`,
        ),
        result.stderr,
      );
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
    });
  });
});
