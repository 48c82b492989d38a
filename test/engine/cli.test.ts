import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIO } from '../../src/engine/sample/world.ts';
import { tempDir } from './helpers.ts';

const BIN = fileURLToPath(new URL('../../bin/trailsight.js', import.meta.url));

function trailsight(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cli: trailsight sample and trailsight query', () => {
  const dir = tempDir('cli');
  after(() => dir.remove());

  it('writes sample logs, then finds the scenario with --format json into a cache under the working directory', () => {
    const sample = trailsight(dir.path, 'sample', '--out', 'logs', '--events', '2000', '--days', '3', '--seed', '5', '--end-day', '2024-11-20');
    assert.equal(sample.code, 0, sample.stderr);
    assert.match(sample.stderr, /wrote 2000 events in \d+ files and 4 Insights events in 2 files under logs/);
    const sql = `SELECT eventname, sourceipaddress, json_extract_scalar(requestparameters, '$.instancesSet.items[0].instanceId') AS instance
      FROM cloudtrail_logs WHERE useridentity.username = 'nicholas' AND eventname = 'StopInstances'`;
    const query = trailsight(dir.path, 'query', '--logs', 'logs', '--sql', sql, '--format', 'json');
    assert.equal(query.code, 0, query.stderr);
    assert.deepEqual(JSON.parse(query.stdout), [{ eventname: 'StopInstances', sourceipaddress: SCENARIO.sourceIp, instance: SCENARIO.webServerInstanceId }]);
    assert.equal(query.stderr, '', 'quiet when piped');
    const again = trailsight(dir.path, 'query', '--logs', 'logs', '--sql', 'SELECT count(*) AS n FROM cloudtrail_logs', '--format', 'csv');
    assert.equal(again.stdout, 'n\r\n2000\r\n');
    const insights = trailsight(
      dir.path,
      'query',
      '--logs',
      'logs',
      '--format',
      'csv',
      '--sql',
      `SELECT insightdetails.insighttype AS type, insightdetails.state AS state, insightdetails.eventname AS api FROM default.cloudtrail_insights ORDER BY 1, eventtime`,
    );
    assert.equal(insights.code, 0, insights.stderr);
    assert.equal(
      insights.stdout,
      [
        'type,state,api',
        'ApiCallRateInsight,Start,CreateAccessKey',
        'ApiCallRateInsight,End,CreateAccessKey',
        'ApiErrorRateInsight,Start,CreateAccessKey',
        'ApiErrorRateInsight,End,CreateAccessKey',
        '',
      ].join('\r\n'),
    );
  });

  it('prints a table by default, reports bad files on stderr and query errors as Athena does', () => {
    // In a partition the query reads: files of other partitions are never opened.
    const bad = join(dir.path, 'logs', 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20', 'broken.json');
    spawnSync('sh', ['-c', `printf '{"Records":[' > '${bad}'`]);
    const table = trailsight(
      dir.path,
      'query',
      '--logs',
      'logs',
      '--cache',
      'other-cache',
      '--sql',
      `SELECT region, count(*) AS n FROM cloudtrail_logs WHERE account = '111122223333' GROUP BY region ORDER BY region`,
    );
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^region +\| n\n-+-\+-+\nap-southeast-2 \| \d+\n/);
    assert.match(table.stdout, /\(4 rows\)\n$/);
    assert.match(table.stderr, /skipped .*broken\.json: invalid JSON/);
    const error = trailsight(dir.path, 'query', '--logs', 'logs', '--sql', 'SELECT nope FROM cloudtrail_logs');
    assert.equal(error.code, 1);
    assert.match(error.stderr, /COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved/);
  });

  it('--rescan sees a log file rewritten in place, which a folder whose time did not move otherwise hides', () => {
    const logs = join(dir.path, 'rescan');
    const day = join(logs, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '11', '20');
    const file = join(day, 'a.json');
    const write = (id: string) => writeFileSync(file, JSON.stringify({ Records: [{ eventTime: '2024-11-20T00:00:00Z', eventSource: 's', eventName: id }] }));
    mkdirSync(day, { recursive: true });
    write('First');
    const past = new Date(Date.now() - 60_000);
    utimesSync(day, past, past);
    const names = (...flags: string[]) =>
      trailsight(
        dir.path,
        'query',
        '--logs',
        'rescan',
        '--cache',
        'rescan-cache',
        '--format',
        'csv',
        '--sql',
        'SELECT eventname FROM cloudtrail_logs',
        ...flags,
      ).stdout;
    assert.equal(names(), 'eventname\r\nFirst\r\n');
    write('Second');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(Math.round(statSync(day).mtimeMs), past.getTime(), 'a rewrite in place leaves the folder alone');
    assert.equal(names(), 'eventname\r\nFirst\r\n', 'the folder is trusted');
    assert.equal(names('--rescan'), 'eventname\r\nSecond\r\n');
  });
});
