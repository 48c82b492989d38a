import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { tempDir } from '../engine/helpers.ts';

/**
 * Log files come from anywhere, their names too. The engine reads exactly the files its scan listed,
 * each as itself:
 * a name with a quote is not SQL, a name with glob characters (`*`, `?`, `[…]`) is not a pattern for
 * other files (it read every file beside it, and failed the whole run on a link among them), and a
 * link below the logs' folder is not followed out of it.
 */
describe('security: log file names are names', function () {
  this.timeout(60_000);
  const dir = tempDir('names');
  after(() => dir.remove());

  const gz = (ids: readonly string[]) =>
    gzipSync(JSON.stringify({ Records: ids.map((id) => ({ eventTime: '2024-11-20T00:00:00Z', eventSource: 's', eventName: 'E', eventID: id })) }));

  it('reads each listed file once, as itself, and nothing outside the logs', async () => {
    const logs = join(dir.path, 'logs');
    const day = join(logs, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20');
    mkdirSync(day, { recursive: true });
    const outside = join(dir.path, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.json.gz'), gz(['secret']));
    writeFileSync(join(day, 'real.json.gz'), gz(['real-1', 'real-2']));
    writeFileSync(join(day, '*.json.gz'), gz(['star']));
    writeFileSync(join(day, '[r]eal.json.gz'), gz(['bracket']));
    writeFileSync(join(day, 'r?al.json.gz'), gz(['question']));
    writeFileSync(join(day, "it's'); COPY (SELECT 1) TO 'x.csv'; --.json.gz"), gz(['quote']));
    // DuckDB's glob takes a backslash as an escape: such a name cannot be given to it as one file.
    writeFileSync(join(day, 'back\\slash[1].json.gz'), gz(['backslash']));
    symlinkSync(join(outside, 'secret.json.gz'), join(day, 'link.json.gz'));
    // A folder named like a pattern that would match the folder beside it.
    const starFolder = join(logs, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '2*');
    mkdirSync(starFolder);
    writeFileSync(join(starFolder, 'real.json.gz'), gz(['star-folder']));

    const engine = await CloudTrailEngine.open({ cacheDir: ':memory:', readable: [logs] });
    try {
      const report = await engine.attach({ root: logs });
      const ids = (await engine.query('SELECT eventid FROM cloudtrail_logs ORDER BY 1')).rows.map((r) => r[0]);
      assert.deepEqual(ids, ['bracket', 'question', 'quote', 'real-1', 'real-2', 'star', 'star-folder']);
      assert.equal(report.filesIngested, 6);
      assert.deepEqual(
        report.badFiles.map((b) => [b.path, b.reason]),
        [[join(day, 'back\\slash[1].json.gz'), 'its name has a backslash beside *, ? or [, which DuckDB cannot read as one file (rename it)']],
      );
    } finally {
      await engine.close();
    }
  });

  it('folder names become partition values as text, in a folder read with its values as constants too', async () => {
    const logs = join(dir.path, 'partitions');
    const account = "1111'); COPY (SELECT 1) TO 'x.csv'; --";
    const region = "us-east-1' OR '1'='1";
    const busy = join(logs, 'AWSLogs', account, 'CloudTrail', region, '2024', '11', '20');
    const quiet = join(logs, 'AWSLogs', account, 'CloudTrail', region, '2024', '11', '21');
    for (const folder of [busy, quiet]) mkdirSync(folder, { recursive: true });
    // Enough files for the busy folder's own read, with its partition values written into the SQL (ingest/read-sql.ts).
    for (let i = 0; i < 70; i++) writeFileSync(join(busy, `f${i}.json.gz`), gz([`busy-${i}`]));
    writeFileSync(join(quiet, 'f.json.gz'), gz(['quiet']));
    const engine = await CloudTrailEngine.open({ cacheDir: ':memory:', readable: [logs] });
    try {
      await engine.attach({ root: logs });
      const rows = (await engine.query('SELECT account, region, "timestamp", count(*) FROM cloudtrail_logs GROUP BY 1, 2, 3 ORDER BY 3')).rows;
      assert.deepEqual(rows, [
        [account, region, '2024/11/20', 70],
        [account, region, '2024/11/21', 1],
      ]);
    } finally {
      await engine.close();
    }
    assert.deepEqual(
      readdirSync(process.cwd()).filter((name) => name === 'x.csv'),
      [],
      'no statement ran from a folder name',
    );
  });
});
