import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanFolders, TRUST_AFTER_MS, type FileFilter, type FolderListings } from '../../src/engine/files/scan.ts';
import type { CloudTrailEngine } from '../../src/engine/index.ts';
import { column, eventRecord, scalar, tempDir, withEngine, withLogsAndCache } from './helpers.ts';

/**
 * A warm run does not list or stat the files of a folder whose time has not moved since the cache
 * listed it (files/scan.ts): that is what keeps a rerun over 100 k files fast. What it must still
 * see: a file delivered into the folder (added, or replaced by a rename, as `aws s3 sync` does), a
 * file removed, a folder removed or added, and files of a folder the cache has not read yet (a lazy
 * query read only some partitions). What it does not see, by design: a file rewritten in place in
 * such a folder, which `trustFolders: false` sees.
 */
const day = (root: string, dd: string) => join(root, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', dd);
const gz = (ids: readonly string[], dd: string) => gzipSync(JSON.stringify({ Records: ids.map((id) => eventRecord(id, dd)) }));

/** As `aws s3 sync` delivers: written under another name, renamed into place. */
function deliver(root: string, dd: string, name: string, ids: readonly string[]): void {
  const path = join(day(root, dd), name);
  mkdirSync(day(root, dd), { recursive: true });
  writeFileSync(`${path}.tmp`, gz(ids, dd));
  renameSync(`${path}.tmp`, path);
}

/** Rewrites a file in place, with a new modification time: its folder's time does not move. */
function rewriteInPlace(root: string, dd: string, name: string, ids: readonly string[]): void {
  const path = join(day(root, dd), name);
  const folderTime = statSync(day(root, dd)).mtimeMs;
  writeFileSync(path, gz(ids, dd));
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  assert.equal(statSync(day(root, dd)).mtimeMs, folderTime);
}

/** Dates every day folder a minute back: old enough for the next scan to trust. */
function ageFolders(root: string, days: readonly string[]): void {
  const past = new Date(Date.now() - 60_000);
  for (const dd of days) utimesSync(day(root, dd), past, past);
}

const ids = async (engine: CloudTrailEngine, where = 'true') =>
  column(await engine.query(`SELECT eventid FROM cloudtrail_logs WHERE ${where} ORDER BY 1`, {})) as string[];

describe('engine: folders whose time did not move are trusted', function () {
  this.timeout(60_000);
  const logs = tempDir('trust');
  const cache = tempDir('trust-cache');
  after(() => {
    logs.remove();
    cache.remove();
  });

  it('the margin is a couple of seconds: a folder changed just before a scan is listed again', () => {
    assert.ok(TRUST_AFTER_MS >= 2000, 'FAT stamps times to 2 s');
  });

  it('a rerun sees a file delivered into a trusted folder, a file removed from one, and a new folder', async () => {
    deliver(logs.path, '20', 'a.json.gz', ['a-1', 'a-2']);
    deliver(logs.path, '20', 'b.json.gz', ['b-1']);
    deliver(logs.path, '21', 'c.json.gz', ['c-1']);
    ageFolders(logs.path, ['20', '21']);
    await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.path });
      assert.deepEqual(await ids(engine), ['a-1', 'a-2', 'b-1', 'c-1']);
    });
    // Trusted now: a rerun reads nothing and counts every file.
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.path });
      assert.deepEqual([report.filesScanned, report.filesSkippedUnchanged, report.filesIngested], [3, 3, 0]);
      assert.equal(engine.counters.filesOpened, 0);
    });
    deliver(logs.path, '20', 'd.json.gz', ['d-1']);
    deliver(logs.path, '21', 'c.json.gz', ['c-2', 'c-3']); // replaced by a rename, as sync replaces a file
    rmSync(join(day(logs.path, '20'), 'b.json.gz'));
    deliver(logs.path, '22', 'e.json.gz', ['e-1']);
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.path });
      assert.deepEqual([report.filesScanned, report.filesIngested, report.filesSkippedUnchanged], [4, 3, 1]);
      assert.deepEqual(await ids(engine), ['a-1', 'a-2', 'c-2', 'c-3', 'd-1', 'e-1']);
    });
  });

  it('a removed folder takes its records along', async () => {
    ageFolders(logs.path, ['20', '21', '22']);
    await withEngine(cache.path, (engine) => engine.attach({ root: logs.path }));
    rmSync(day(logs.path, '22'), { recursive: true });
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.path });
      assert.equal(report.filesScanned, 3);
      assert.deepEqual(await ids(engine), ['a-1', 'a-2', 'c-2', 'c-3', 'd-1']);
    });
  });

  it('a file rewritten in place in a trusted folder is not seen; trustFolders: false sees it', async () => {
    ageFolders(logs.path, ['20', '21']);
    await withEngine(cache.path, (engine) => engine.attach({ root: logs.path }));
    rewriteInPlace(logs.path, '20', 'a.json.gz', ['a-9']);
    await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.path });
      assert.deepEqual(await ids(engine, "eventid LIKE 'a-%'"), ['a-1', 'a-2'], 'trusted: the folder says nothing changed');
      assert.equal(engine.counters.filesOpened, 0);
    });
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.path, trustFolders: false });
      assert.equal(report.filesIngested, 1);
      assert.deepEqual(await ids(engine, "eventid LIKE 'a-%'"), ['a-9']);
    });
  });

  it('a folder changed within the margin of its listing is listed again: a rewrite in place right after is seen', async () => {
    await withLogsAndCache('trust-fresh', async (fresh, freshCache) => {
      deliver(fresh, '20', 'a.json.gz', ['a-1']);
      // Its time within the margin of any listing, however slow this machine is: a minute ahead.
      const ahead = new Date(Date.now() + 60_000);
      utimesSync(day(fresh, '20'), ahead, ahead);
      await withEngine(freshCache, (engine) => engine.attach({ root: fresh }));
      writeFileSync(join(day(fresh, '20'), 'a.json.gz'), gz(['a-2'], '20'));
      utimesSync(join(day(fresh, '20'), 'a.json.gz'), new Date(), new Date(Date.now() + 5000));
      await withEngine(freshCache, async (engine) => {
        await engine.attach({ root: fresh });
        assert.deepEqual(await ids(engine), ['a-2']);
      });
    });
  });

  it('files a lazy query left unread are found by the next run, though their folder is old', async () => {
    await withLogsAndCache('trust-lazy', async (lazy, lazyCache) => {
      deliver(lazy, '20', 'a.json.gz', ['a-1']);
      deliver(lazy, '21', 'b.json.gz', ['b-1', 'b-2']);
      ageFolders(lazy, ['20', '21']);
      await withEngine(lazyCache, async (engine) => {
        await engine.attach({ root: lazy, lazy: true });
        assert.deepEqual(await ids(engine, "timestamp = '2024/11/20'"), ['a-1']);
        assert.equal(engine.counters.filesOpened, 1);
      });
      await withEngine(lazyCache, async (engine) => {
        const report = await engine.attach({ root: lazy, lazy: true });
        assert.equal(report.filesScanned, 2);
        assert.deepEqual(await ids(engine, "timestamp = '2024/11/21'"), ['b-1', 'b-2']);
        assert.equal(engine.counters.filesOpened, 1, 'only the day not read before');
        const estimate = await engine.estimate("SELECT count(*) FROM cloudtrail_logs WHERE timestamp >= '2024/11/20'");
        assert.equal(estimate.files, 2);
      });
      // Both folders complete in the cache now: trusted, nothing read, every byte still counted.
      await withEngine(lazyCache, async (engine) => {
        await engine.attach({ root: lazy, lazy: true });
        assert.equal(Number(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs'))), 3);
        assert.equal(engine.counters.filesOpened, 0);
        const estimate = await engine.estimate("SELECT count(*) FROM cloudtrail_logs WHERE timestamp = '2024/11/21'");
        assert.equal(estimate.files, 1);
        assert.ok(estimate.bytes > 0);
      });
    });
  });

  it('a bad file in a trusted folder is reported again without being read', async () => {
    await withLogsAndCache('trust-bad', async (bad, badCache) => {
      deliver(bad, '20', 'a.json.gz', ['a-1']);
      writeFileSync(join(day(bad, '20'), 'broken.json.gz'), gzipSync('{"Records": [ {"eventTime": '));
      ageFolders(bad, ['20']);
      const first = await withEngine(badCache, (engine) => engine.attach({ root: bad }));
      assert.equal(first.badFiles.length, 1);
      await withEngine(badCache, async (engine) => {
        const again = await engine.attach({ root: bad });
        assert.deepEqual(
          again.badFiles.map((b) => [b.path, b.reason]),
          first.badFiles.map((b) => [b.path, b.reason]),
        );
        assert.deepEqual([again.filesScanned, again.filesSkippedUnchanged], [2, 1]);
        assert.equal(engine.counters.filesOpened, 0);
      });
    });
  });

  /** Two old day folders (the 20th: a-1; the 21st: b-1); `seen` attaches them through a filter and lists the ids. */
  const twoDays = (name: string, work: (logs: string, seen: (files: FileFilter) => Promise<string[]>) => Promise<void>) =>
    withLogsAndCache(name, async (logs, cache) => {
      deliver(logs, '20', 'a.json.gz', ['a-1']);
      deliver(logs, '21', 'b.json.gz', ['b-1']);
      ageFolders(logs, ['20', '21']);
      await work(logs, (files) =>
        withEngine(cache, async (engine) => {
          await engine.attach({ root: logs, files });
          return ids(engine);
        }),
      );
    });

  it('a filter that cannot judge a folder: its folders are listed every time (its verdicts may change under the same key)', async () => {
    await twoDays('trust-filter', async (_logs, seen) => {
      // Like a projection's date range ending at NOW: the same key, a window that moves.
      let firstDay = '20';
      const files = { key: 'window', accepts: (path: string) => path.split('/').at(-2)! >= firstDay };
      assert.deepEqual(await seen(files), ['a-1', 'b-1']);
      assert.deepEqual(await seen(files), ['a-1', 'b-1']);
      firstDay = '21';
      assert.deepEqual(await seen(files), ['b-1']);
    });
  });

  it('a filter that judges folders (a partition projection): a folder is trusted while its verdict holds, listed again once it changes', async () => {
    await twoDays('trust-filter-folders', async (logs, seen) => {
      let firstDay = '20';
      const inWindow = (folder: string) => (folder.split('/').at(-1) ?? '') >= firstDay;
      const files = { key: 'window', accepts: (path: string) => inWindow(path.split('/').slice(0, -1).join('/')), acceptsFolder: inWindow };
      assert.deepEqual(await seen(files), ['a-1', 'b-1']);
      rewriteInPlace(logs, '20', 'a.json.gz', ['a-9']);
      assert.deepEqual(await seen(files), ['a-1', 'b-1'], 'trusted: the verdict on the 20th has not changed');
      firstDay = '21';
      assert.deepEqual(await seen(files), ['b-1']);
      firstDay = '20';
      assert.deepEqual(await seen(files), ['a-9', 'b-1'], 'listed again: its rewrite is seen now');
    });
  });
});

describe("scan: a trail's second table reads the folders the first listed", () => {
  const logs = tempDir('listings');
  after(() => logs.remove());

  /** Adds a file to a day folder and puts the folder's time back: only a listing read before can miss it. */
  function addBehindTheFoldersBack(dd: string, name: string): void {
    const folderTime = statSync(day(logs.path, dd));
    deliver(logs.path, dd, name, [`${name}-1`]);
    utimesSync(day(logs.path, dd), folderTime.atime, folderTime.mtime);
  }
  const names = (files: readonly { path: string }[]) => files.map((f) => f.path.split('/').at(-1)).sort();

  it('a listing old enough to trust serves the next scan while the folder time holds; a moved time or a fresh folder is listed again', async () => {
    deliver(logs.path, '20', 'a.json.gz', ['a-1']);
    deliver(logs.path, '21', 'b.json.gz', ['b-1']);
    ageFolders(logs.path, ['20']);
    const listings: FolderListings = new Map();
    assert.deepEqual(names((await scanFolders(logs.path, { listings })).files), ['a.json.gz', 'b.json.gz']);
    assert.ok(listings.has(day(logs.path, '20')), 'the old folder is kept');
    assert.ok(!listings.has(day(logs.path, '21')), 'a folder changed within the margin is not');

    addBehindTheFoldersBack('20', 'c.json.gz');
    deliver(logs.path, '21', 'd.json.gz', ['d-1']);
    assert.deepEqual(names((await scanFolders(logs.path, { listings })).files), ['a.json.gz', 'b.json.gz', 'd.json.gz'], "day 20's listing served it");
    assert.deepEqual(
      names((await scanFolders(logs.path)).files),
      ['a.json.gz', 'b.json.gz', 'c.json.gz', 'd.json.gz'],
      'without listings, every folder is read',
    );

    deliver(logs.path, '20', 'e.json.gz', ['e-1']);
    assert.deepEqual(
      names((await scanFolders(logs.path, { listings })).files),
      ['a.json.gz', 'b.json.gz', 'c.json.gz', 'd.json.gz', 'e.json.gz'],
      "day 20's time moved: listed again",
    );
  });
});
