import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { join, resolve } from 'node:path';
import { rootKey } from '../../src/engine/cache/catalog.ts';
import { gzipSync } from 'node:zlib';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { column, eventRecord, sampleLogs, scalar, tempDir, withEngine } from './helpers.ts';

/** The segment files of the cache's one root (the Parquet files holding its records). */
function segmentFiles(cacheDir: string): string[] {
  const folder = join(cacheDir, 'segments');
  const roots = readdirSync(folder);
  assert.equal(roots.length, 1, `one root's segments in ${folder}`);
  return readdirSync(join(folder, roots[0]))
    .map((name) => join(folder, roots[0], name))
    .sort();
}

const record = eventRecord;

/** The folder CloudTrail delivers 2024-11-20's us-east-1 logs of account 111122223333 to, under `root`. */
const dayFolder = (root: string) => join(root, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20');

/**
 * Writes a log file as `aws s3 sync` delivers one: under another name, then renamed into place (a
 * folder's time moves when an entry is renamed into it; a file rewritten in place leaves it alone).
 */
function deliver(path: string, records: readonly object[]): void {
  writeFileSync(`${path}.partial-download`, gzipSync(JSON.stringify({ Records: records })));
  renameSync(`${path}.partial-download`, path);
}

/** A log folder and a cache folder for one describe block, removed after it. */
function logsAndCache(name: string): { logs: ReturnType<typeof tempDir>; cache: ReturnType<typeof tempDir> } {
  const logs = tempDir(name);
  const cache = tempDir(`${name}-cache`);
  after(() => {
    logs.remove();
    cache.remove();
  });
  return { logs, cache };
}

/** The log files of a sample's events (not its digests, nor its Insights events), sorted. */
function logFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((p) => p.endsWith('.json.gz') && !p.includes('CloudTrail-Digest') && !p.includes('CloudTrail-Insight'))
    .map((p) => join(root, p))
    .sort();
}

describe('engine: the incremental cache', () => {
  let logs: Awaited<ReturnType<typeof sampleLogs>>;
  const cache = tempDir('cache');

  before(async () => {
    logs = await sampleLogs(1500);
  });
  after(() => {
    logs?.remove();
    cache.remove();
  });

  it('a cold run reads every file; a rerun reads none and answers the same', async () => {
    const first = await withEngine(cache.path, async (engine) => ({
      report: await engine.attach({ root: logs.root }),
      count: scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')),
    }));
    assert.equal(first.report.filesIngested, logs.files);
    assert.equal(first.count, 1500);
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.root });
      assert.deepEqual(
        { ingested: report.filesIngested, skipped: report.filesSkippedUnchanged, found: report.recordsFound },
        { ingested: 0, skipped: logs.files, found: 0 },
      );
      assert.equal(engine.counters.filesOpened, 0);
      assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 1500);
    });
  });

  it('a changed file replaces its records; a removed file takes its records along; a new file is read alone', async () => {
    const [changed, removed] = logFiles(logs.root);
    const countOf = async (path: string) =>
      withEngine(':memory:', async (engine) => {
        await engine.attach({ root: path });
        return scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')) as number;
      });
    const changedCount = await countOf(changed);
    const removedCount = await countOf(removed);
    deliver(changed, [record('replacement-1'), record('replacement-2')]);
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    rmSync(removed);
    const added = join(dayFolder(logs.root), 'added.json.gz');
    writeFileSync(added, gzipSync(JSON.stringify({ Records: [record('added-1')] })));
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.root });
      assert.equal(report.filesIngested, 2, 'the changed file and the new one');
      assert.equal(report.filesSkippedUnchanged, logs.files - 2);
      assert.equal(report.recordsLoaded, 3);
      assert.equal(engine.counters.filesOpened, 2);
      assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 1500 - changedCount - removedCount + 3);
      const ids = column(await engine.query(`SELECT eventid FROM cloudtrail_logs WHERE eventid LIKE 'replacement-%' OR eventid LIKE 'added-%' ORDER BY 1`));
      assert.deepEqual(ids, ['added-1', 'replacement-1', 'replacement-2']);
    });
  });

  it('a segment a run cut short left behind is removed, and no record is counted twice', async () => {
    const segments = segmentFiles(cache.path);
    const [segment] = segments;
    const before = await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.root });
      return scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs'));
    });
    // A segment written but never listed (the process died before its catalog rows were), and one half written.
    copyFileSync(segment, join(segment, '..', 'zzzzzzzz-0123456789ab.parquet'));
    writeFileSync(join(segment, '..', 'zzzzzzzz-ba9876543210.parquet.partial'), 'PAR1');
    await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.root });
      assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), before);
    });
    assert.deepEqual(segmentFiles(cache.path), segments);
  });
});

describe('engine: a lazy attach that dropped records, and a query that reads no new file', () => {
  const { logs, cache } = logsAndCache('lazy-views');

  it('answers from the records left, not from the segment that held the dropped ones', async () => {
    const day = (dd: string) => join(logs.path, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', dd);
    for (const dd of ['19', '20']) mkdirSync(day(dd), { recursive: true });
    deliver(join(day('19'), 'kept.json.gz'), [record('kept-1', '19')]);
    deliver(join(day('19'), 'removed.json.gz'), [record('removed-1', '19')]);
    await withEngine(cache.path, (engine) => engine.attach({ root: logs.path }));
    rmSync(join(day('19'), 'removed.json.gz'));
    deliver(join(day('20'), 'new.json.gz'), [record('new-1')]);
    await withEngine(cache.path, async (engine) => {
      // The removed file's segment is replaced at attach; the new day waits for a query that reads it.
      await engine.attach({ root: logs.path, lazy: true });
      const ids = column(await engine.query(`SELECT eventid FROM cloudtrail_logs WHERE "timestamp" = '2024/11/19'`));
      assert.deepEqual(ids, ['kept-1']);
      assert.equal(engine.counters.filesOpened, 0);
    });
  });
});

describe('engine: the cache over many incremental runs', () => {
  const { logs, cache } = logsAndCache('incremental');

  it('merges the small segments each run adds, and keeps every record once', async () => {
    const runs = 30;
    const folder = dayFolder(logs.path);
    mkdirSync(folder, { recursive: true });
    const counts: number[] = [];
    for (let run = 1; run <= runs; run++) {
      writeFileSync(
        join(folder, `run-${String(run).padStart(2, '0')}.json.gz`),
        gzipSync(
          JSON.stringify({
            Records: Array.from({ length: run }, (_, i) => record(`run-${run}-${i}`)),
          }),
        ),
      );
      counts.push(
        await withEngine(cache.path, async (engine) => {
          const report = await engine.attach({ root: logs.path });
          assert.equal(report.filesIngested, 1, `run ${run} reads only its new file`);
          const [[all, distinct]] = (await engine.query('SELECT count(*), count(DISTINCT eventid) FROM cloudtrail_logs')).rows;
          assert.equal(all, distinct, `run ${run}: no record twice`);
          return Number(all);
        }),
      );
      assert.ok(segmentFiles(cache.path).length <= 24, `run ${run}: ${segmentFiles(cache.path).length} segments`);
    }
    assert.deepEqual(
      counts,
      counts.map((_, i) => ((i + 1) * (i + 2)) / 2),
      'every record of every run, once',
    );
    await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.path });
      assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), (runs * (runs + 1)) / 2);
    });
  });
});

describe('engine: a cache that cannot be written', () => {
  let segments = '';
  // Registered first, so it runs before the folders go (mocha runs a block's after hooks in order).
  after(() => segments && makeWritable(segments));
  const { logs, cache } = logsAndCache('unwritable');
  const folder = () => dayFolder(logs.path);

  it('fails the attach with the cache file named, marks no log file bad, and a rerun loads everything', async function () {
    mkdirSync(folder(), { recursive: true });
    writeFileSync(join(folder(), 'a.json.gz'), gzipSync(JSON.stringify({ Records: [record('a-1'), record('a-2')] })));
    await withEngine(cache.path, (engine) => engine.attach({ root: logs.path }));
    writeFileSync(join(folder(), 'b.json.gz'), gzipSync(JSON.stringify({ Records: [record('b-1')] })));
    segments = join(cache.path, 'segments', rootKey(resolve(logs.path)));
    if (!makeReadOnly(segments)) {
      console.log('      (skipped: this user can write into a read-only folder and may not make it immutable)');
      this.skip();
    }
    await withEngine(cache.path, async (engine) => {
      await assert.rejects(engine.attach({ root: logs.path }), /cannot write the cache file .*\.partial/);
    });
    makeWritable(segments);
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.path });
      assert.deepEqual({ ingested: report.filesIngested, bad: report.badFiles }, { ingested: 1, bad: [] });
      assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 3);
    });
  });
});

/** Makes a folder refuse new files: read-only, or immutable for root (who ignores modes). False if neither works. */
function makeReadOnly(path: string): boolean {
  chmodSync(path, 0o555);
  if (process.getuid?.() === 0) spawnSync('chattr', ['+i', path]);
  try {
    writeFileSync(join(path, 'probe'), '');
    rmSync(join(path, 'probe'));
    makeWritable(path);
    return false;
  } catch {
    return true;
  }
}

function makeWritable(path: string): void {
  if (process.getuid?.() === 0) spawnSync('chattr', ['-i', path]);
  chmodSync(path, 0o755);
}

describe('engine: the cache folder and its views across runs', () => {
  const { logs, cache } = logsAndCache('across');
  const folder = () => dayFolder(logs.path);
  const write = (name: string, ids: string[]) =>
    deliver(
      join(folder(), name),
      ids.map((id) => record(id)),
    );
  const count = async (engine: CloudTrailEngine, table: string) => Number(scalar(await engine.query(`SELECT count(*) FROM ${table}`)));
  before(() => mkdirSync(folder(), { recursive: true }));

  it('leaves alone what it did not write in the cache folder', async () => {
    mkdirSync(join(cache.path, 'segments', 'video-cuts'), { recursive: true });
    writeFileSync(join(cache.path, 'segments', 'notes.txt'), 'mine');
    writeFileSync(join(cache.path, 'segments', 'video-cuts', 'a.txt'), 'mine too');
    write('a.json.gz', ['a-1', 'a-2']);
    await withEngine(cache.path, (engine) => engine.attach({ root: logs.path }));
    assert.deepEqual(
      readdirSync(join(cache.path, 'segments'))
        .filter((n) => !/^[0-9a-f]{16}$/.test(n))
        .sort(),
      ['notes.txt', 'video-cuts'],
    );
    assert.deepEqual(readdirSync(join(cache.path, 'segments', 'video-cuts')), ['a.txt']);
  });

  it('a table of an earlier run, attached again, reads what a later run changed under another name without reading a file', async () => {
    await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.path, table: 't1' });
      assert.equal(await count(engine, 't1'), 2);
    });
    write('a.json.gz', ['a-1', 'a-2', 'a-3']);
    utimesSync(join(folder(), 'a.json.gz'), new Date(), new Date(Date.now() + 5000));
    await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.path, table: 't2' });
      assert.equal(await count(engine, 't2'), 3);
      const again = await engine.attach({ root: logs.path, table: 't1' });
      assert.equal(again.filesIngested, 0, 't1 shares the root: nothing to read again');
      assert.equal(await count(engine, 't1'), 3, 't1 reads the same records');
    });
  });

  it('a name given in a later run to another folder shows that folder, and the first folder no longer moves it', async () => {
    const other = tempDir('across-other');
    try {
      const otherDay = dayFolder(other.path);
      mkdirSync(otherDay, { recursive: true });
      deliver(join(otherDay, 'o.json.gz'), [record('o-1')]);
      await withEngine(cache.path, async (engine) => {
        await engine.attach({ root: logs.path, table: 'moved' });
        assert.equal(await count(engine, 'moved'), 3);
      });
      await withEngine(cache.path, async (engine) => {
        await engine.attach({ root: other.path, table: 'moved' });
        assert.equal(await count(engine, 'moved'), 1);
      });
      write('c.json.gz', ['c-1']);
      await withEngine(cache.path, async (engine) => {
        await engine.attach({ root: other.path, table: 'moved' });
        await engine.attach({ root: logs.path, table: 'kept' });
        assert.equal(await count(engine, 'moved'), 1, "the first folder's new file does not repoint the name");
        assert.equal(await count(engine, 'kept'), 4);
      });
      rmSync(join(folder(), 'c.json.gz'));
    } finally {
      other.remove();
    }
  });

  it('one attach serves a table under several names (alsoAs): one scan, the same records under each', async () => {
    await withEngine(':memory:', async (engine) => {
      const report = await engine.attach({ root: logs.path, schema: 'default', table: 'cloudtrail_logs', alsoAs: [{ schema: 'security', table: 'trail' }] });
      assert.equal(report.filesIngested, engine.counters.filesOpened);
      assert.equal(await count(engine, 'security.trail'), await count(engine, 'default.cloudtrail_logs'));
      assert.ok((await count(engine, 'security.trail')) > 0);
    });
  });

  it('a segment lost from the folder is read again from its log files', async () => {
    write('b.json.gz', ['b-1']);
    await withEngine(cache.path, async (engine) => {
      await engine.attach({ root: logs.path });
      assert.equal(await count(engine, 'cloudtrail_logs'), 4);
    });
    const rootFolder = join(cache.path, 'segments', rootKey(resolve(logs.path)));
    for (const name of readdirSync(rootFolder)) rmSync(join(rootFolder, name));
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.path });
      assert.equal(report.filesIngested, 2, 'both log files, read again');
      assert.equal(await count(engine, 'cloudtrail_logs'), 4);
    });
  });

  it('refuses a second engine on a cache folder this process has open', async () => {
    await withEngine(cache.path, async () => {
      await assert.rejects(CloudTrailEngine.open({ cacheDir: cache.path }), /already open in this process/);
    });
  });
});

describe('engine: an in-memory cache of a killed process', () => {
  it('leaves a temporary folder that the next in-memory open removes', async function () {
    this.timeout(30_000);
    const script = `import { CloudTrailEngine } from ${JSON.stringify(resolve('src/engine/index.ts'))};
      await CloudTrailEngine.open({ cacheDir: ':memory:' }); console.log('open'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && done());
      child.on('exit', (code) => fail(new Error(`the child exited with ${code} before opening`)));
    });
    const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`trailsight-cache-${child.pid}-`));
    assert.equal(leftovers().length, 1, 'the child has its folder');
    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.equal(leftovers().length, 1, 'killed, it could not remove it');
    await withEngine(':memory:', async () => undefined);
    assert.deepEqual(leftovers(), []);
  });
});

describe('engine: a cache written by another version', () => {
  const { logs, cache } = logsAndCache('layout');

  it('is started afresh: its records are read again and its old tables leave no space behind', async () => {
    mkdirSync(dayFolder(logs.path), { recursive: true });
    writeFileSync(join(dayFolder(logs.path), 'a.json.gz'), gzipSync(JSON.stringify({ Records: [record('a-1'), record('a-2')] })));
    await withEngine(cache.path, (engine) => engine.attach({ root: logs.path }));
    // What an older layout looks like: another version number, and a big records table in the file.
    const file = join(cache.path, 'cache.duckdb');
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(`UPDATE _trailsight.meta SET value = '4' WHERE key = 'layout'`);
    await connection.run(
      `CREATE TABLE _trailsight.records_old AS SELECT ${[1, 2, 3, 4, 5, 6, 7, 8].map((k) => `md5((i * ${k})::VARCHAR)`).join(' || ')} AS v FROM range(200000) t(i)`,
    );
    connection.closeSync();
    instance.closeSync();
    assert.ok(statSync(file).size > 10e6, `the old table takes room (${statSync(file).size} bytes)`);
    await withEngine(cache.path, async (engine) => {
      const report = await engine.attach({ root: logs.path });
      assert.equal(report.filesIngested, 1, 'read again');
      assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), 2);
    });
    assert.ok(statSync(file).size < 5e6, `the file was started afresh (${statSync(file).size} bytes)`);
  });
});
