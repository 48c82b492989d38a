import assert from 'node:assert/strict';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { s3Location } from '../../src/endpoint/athena/s3-path.ts';
import { generateSample } from '../../src/engine/sample/generate.ts';
import { containedRealPath } from '../../src/files/contained-path.ts';
import { OwnedFolder } from '../../src/files/owned-folder.ts';
import { runCli } from '../cli/run-cli.ts';
import { fileCount, treeHash } from './helpers.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));
/** The repository Project's source: where its compiled table says the logs are. */
const BUCKET = 'example-cloudtrail-logs-123456789012';
const PREFIX = 'org-trail/';

/** A folder of someone else's: what must come out of every run exactly as it went in. */
async function victim(dir: string): Promise<{ path: string; hash: string }> {
  const path = join(dir, 'victim');
  await mkdir(join(path, 'AWSLogs', 'notes'), { recursive: true });
  await writeFile(join(path, 'precious.txt'), "not trailsight's\n");
  await writeFile(join(path, 'AWSLogs', 'notes', 'keep.json'), '{"Records": []}\n');
  await writeFile(join(path, '.trailsight-sample-complete'), 'a mark from somewhere else\n');
  return { path, hash: await treeHash(path) };
}

describe('security: files trailsight deletes or replaces', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-local-files-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  describe('OwnedFolder', () => {
    it('refuses a folder that is a link, and a link anywhere on the way to what it deletes or writes', async () => {
      const { path: other, hash } = await victim(dir);
      await symlink(other, join(dir, 'linked'));
      await assert.rejects(
        OwnedFolder.open(join(dir, 'linked')),
        (e: Error) =>
          e.message ===
          `${join(dir, 'linked')} is a symbolic link, and trailsight never writes through or deletes links in its own folders (one may come with a repository): remove it`,
      );
      const own = await OwnedFolder.open(join(dir, 'own'));
      await symlink(other, join(own.root, 'sample-logs'));
      await assert.rejects(own.remove('sample-logs'), /own\/sample-logs is a symbolic link/);
      await assert.rejects(own.remove('sample-logs/AWSLogs'), /own\/sample-logs is a symbolic link/);
      await assert.rejects(own.writeFile('sample-logs/precious.txt', 'overwritten'), /own\/sample-logs is a symbolic link/);
      await assert.rejects(own.mkdir('sample-logs/new'), /own\/sample-logs is a symbolic link/);
      await assert.rejects(own.assertNoLinks(''), /own\/sample-logs is a symbolic link/);
      await assert.rejects(own.remove('../victim'), /is outside/);
      assert.equal(await treeHash(other), hash);
    });

    it('deletes a folder holding links as links, never what they point to', async () => {
      const { path: other, hash } = await victim(dir);
      const own = await OwnedFolder.open(join(dir, 'own'));
      await own.mkdir('sample-logs/AWSLogs');
      await symlink(other, join(own.root, 'sample-logs', 'AWSLogs', '123456789012'));
      await symlink(join(other, 'precious.txt'), join(own.root, 'sample-logs', 'file.json'));
      await own.remove('sample-logs');
      await assert.rejects(lstat(join(own.root, 'sample-logs')), { code: 'ENOENT' });
      assert.equal(await treeHash(other), hash);
    });

    it('replaces a file whole and refuses to write through a link put in its place', async () => {
      const { path: other, hash } = await victim(dir);
      const own = await OwnedFolder.open(join(dir, 'out'));
      await own.writeFile('index.html', 'one');
      await own.writeFile('index.html', 'two');
      assert.equal(await readFile(join(own.root, 'index.html'), 'utf8'), 'two');
      await symlink(join(other, 'precious.txt'), join(own.root, 'page.html'));
      await assert.rejects(own.writeFile('page.html', 'overwritten'), /out\/page\.html is a symbolic link/);
      await assert.rejects(own.copyFile(join(own.root, 'index.html'), 'page.html'), /out\/page\.html is a symbolic link/);
      assert.equal(await treeHash(other), hash);
    });

    it('removes an old link left where a folder is now served from, but never a real folder there', async () => {
      const { path: other, hash } = await victim(dir);
      const own = await OwnedFolder.open(join(dir, 'own'));
      await own.mkdir(`s3/${BUCKET}/${PREFIX}`);
      await symlink(join(other, 'AWSLogs'), join(own.root, 's3', BUCKET, PREFIX, 'AWSLogs'));
      assert.equal(await own.removeLink(`s3/${BUCKET}/${PREFIX}AWSLogs`), true);
      await own.mkdir(`s3/${BUCKET}/${PREFIX}AWSLogs`);
      assert.equal(await own.removeLink(`s3/${BUCKET}/${PREFIX}AWSLogs`), false);
      assert.ok((await lstat(join(own.root, 's3', BUCKET, PREFIX, 'AWSLogs'))).isDirectory());
      assert.equal(await treeHash(other), hash);
    });
  });

  describe("containedRealPath (for the engine's scanner, the endpoint's writes)", () => {
    it('follows links only as far as they stay inside the root', async () => {
      const { path: other } = await victim(dir);
      const root = join(dir, 'logs');
      await mkdir(join(root, 'AWSLogs', 'a'), { recursive: true });
      await symlink(join(root, 'AWSLogs', 'a'), join(root, 'AWSLogs', 'inside'));
      await symlink(other, join(root, 'AWSLogs', 'outside'));
      await symlink(join(dir, 'nowhere', 'x.json'), join(root, 'dangling.json'));
      assert.equal(await containedRealPath(root, join(root, 'AWSLogs', 'inside', 'f.json')), join(root, 'AWSLogs', 'a', 'f.json'));
      assert.equal(await containedRealPath(root, join(root, 'AWSLogs', 'not-yet', 'f.json')), join(root, 'AWSLogs', 'not-yet', 'f.json'));
      assert.equal(await containedRealPath(root, join(root, 'AWSLogs', 'outside')), undefined);
      assert.equal(await containedRealPath(root, join(root, 'AWSLogs', 'outside', 'precious.txt')), undefined);
      assert.equal(await containedRealPath(root, join(root, 'dangling.json')), undefined, 'a dangling link: creating through it would create outside');
      assert.equal(await containedRealPath(root, join(root, '..', 'victim')), undefined);
    });
  });

  describe("the endpoint's S3 paths", () => {
    const files = { s3Root: '/srv/s3', mounts: [{ bucket: BUCKET, prefix: `${PREFIX}AWSLogs/`, dir: '/home/me/logs/AWSLogs' }] };
    it('reads a mounted prefix from its folder, everything else from the S3 root, and nothing with dot segments', () => {
      assert.deepEqual(s3Location(`s3://${BUCKET}/${PREFIX}AWSLogs/`, files), {
        path: '/home/me/logs/AWSLogs',
        within: '/home/me/logs/AWSLogs',
        mounted: true,
      });
      assert.deepEqual(s3Location(`s3://${BUCKET}/${PREFIX}AWSLogs/1/CloudTrail/x.json`, files)?.path, '/home/me/logs/AWSLogs/1/CloudTrail/x.json');
      assert.deepEqual(s3Location(`s3://${BUCKET}/${PREFIX}results/`, files), {
        path: `/srv/s3/${BUCKET}/${PREFIX}results`,
        within: '/srv/s3',
        mounted: false,
      });
      assert.equal(s3Location(`s3://${BUCKET}/${PREFIX}AWSLogs/../../x/`, files), undefined);
      assert.equal(s3Location(`s3://${BUCKET}/../other/`, files), undefined);
      assert.equal(s3Location('s3://../etc/', files), undefined);
      assert.equal(s3Location('file:///etc/passwd', files), undefined);
    });
  });

  describe('the local target (CLI)', function () {
    this.timeout(240_000);

    it('publish and plan with --logs inside .trailsight/s3/<bucket>/<prefix> lose nothing of the logs', async () => {
      const logs = join(dir, '.trailsight', 's3', BUCKET, PREFIX);
      await generateSample({ out: logs, events: 1500, days: 2, seed: 5 });
      const before = await treeHash(logs);
      assert.ok((await fileCount(logs)) > 10);
      for (const command of ['publish', 'plan']) {
        const result = await runCli([command, DASHBOARDS, '--logs', logs, ...(command === 'publish' ? ['--out', join(dir, 'out')] : [])], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(await treeHash(logs), before, `${command} left the logs as they were`);
        assert.ok((await lstat(join(logs, 'AWSLogs'))).isDirectory(), 'no link in place of the logs');
      }
    });

    it('logs kept in .trailsight/sample-logs are served with --logs and never regenerated over', async () => {
      const logs = join(dir, '.trailsight', 'sample-logs');
      await generateSample({ out: logs, events: 1500, days: 2, seed: 6 });
      const before = await treeHash(logs);
      for (const command of ['publish', 'plan']) {
        const result = await runCli([command, DASHBOARDS, '--logs', '.trailsight/sample-logs'], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(await treeHash(logs), before, `${command} left the logs as they were`);
      }
      const plain = await runCli(['plan', DASHBOARDS], dir);
      assert.equal(plain.code, 1, plain.stderr);
      assert.match(
        plain.stderr,
        /trailsight: \S+\/\.trailsight\/sample-logs holds files trailsight did not generate, so it will not replace them with sample logs/,
      );
      assert.equal(await treeHash(logs), before);
    });

    for (const [what, link] of [
      ['.trailsight itself', '.trailsight'],
      ['.trailsight/sample-logs', '.trailsight/sample-logs'],
      ['.trailsight/endpoint', '.trailsight/endpoint'],
      ['.trailsight/endpoint.log', '.trailsight/endpoint.log'],
      ["a folder in the endpoint's state", '.trailsight/endpoint/quicksight'],
    ] as const) {
      it(`refuses to run when ${what} is a link a repository brought, and touches nothing there`, async () => {
        const { path: other, hash } = await victim(dir);
        await mkdir(join(dir, link, '..'), { recursive: true });
        await symlink(link.endsWith('.log') ? join(other, 'precious.txt') : other, join(dir, link));
        const result = await runCli(['publish', DASHBOARDS], dir);
        assert.equal(result.code, 1, result.stderr);
        assert.equal(
          result.stderr.trim(),
          `trailsight: ${join(dir, link)} is a symbolic link, and trailsight never writes through or deletes links in its own folders (one may come with a repository): remove it`,
        );
        assert.equal(await treeHash(other), hash);
        assert.equal(await readlink(join(dir, link)), link.endsWith('.log') ? join(other, 'precious.txt') : other);
      });
    }

    it('trailsight query refuses a cache folder (.trailsight by default) that is or holds a link', async () => {
      const { path: other, hash } = await victim(dir);
      await generateSample({ out: join(dir, 'logs'), events: 200, days: 1, seed: 7 });
      await symlink(other, join(dir, '.trailsight'));
      const result = await runCli(['query', '--logs', 'logs', '--sql', 'SELECT count(*) FROM cloudtrail_logs'], dir);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^trailsight: \S+\/\.trailsight is a symbolic link/);
      await rm(join(dir, '.trailsight'));
      await mkdir(join(dir, '.trailsight'));
      await symlink(other, join(dir, '.trailsight', 'segments'));
      const inside = await runCli(['query', '--logs', 'logs', '--sql', 'SELECT count(*) FROM cloudtrail_logs'], dir);
      assert.equal(inside.code, 1, inside.stderr);
      assert.match(inside.stderr, /^trailsight: \S+\/\.trailsight\/segments is a symbolic link/);
      assert.equal(await treeHash(other), hash);
    });

    it('refuses logs whose AWSLogs folder is a link out of --logs', async () => {
      const { path: other, hash } = await victim(dir);
      await mkdir(join(dir, 'logs'));
      await symlink(join(other, 'AWSLogs'), join(dir, 'logs', 'AWSLogs'));
      const result = await runCli(['plan', DASHBOARDS, '--logs', 'logs'], dir);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /logs\/AWSLogs is a symbolic link out of \S+\/logs, and logs are read only inside the folder given/);
      assert.equal(await treeHash(other), hash);
    });

    it('refuses to write the preview or compiled requests through links in their folders', async () => {
      const { path: other, hash } = await victim(dir);
      await symlink(other, join(dir, 'out'));
      const preview = await runCli(['publish', DASHBOARDS, '--out', 'out'], dir);
      assert.equal(preview.code, 1);
      assert.match(preview.stderr, /out is a symbolic link/);
      await mkdir(join(dir, 'compiled'));
      await symlink(join(other, 'precious.txt'), join(dir, 'compiled', 'glue.CreateDatabase.trailsight.json'));
      const compile = await runCli(['compile', DASHBOARDS, '--out', 'compiled'], dir);
      assert.equal(compile.code, 1, compile.stderr);
      assert.match(compile.stderr, /compiled\/glue\.CreateDatabase\.trailsight\.json is a symbolic link/);
      assert.equal(await treeHash(other), hash);
    });
  });
});
