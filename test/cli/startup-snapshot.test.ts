import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../src/engine/sample/generate.ts';
import { type CliResult, runCli } from './run-cli.ts';

/**
 * `lint` and `query` start from the CLI's V8 startup snapshot (src/cli/startup-snapshot.ts), whose
 * parser was run over public queries and the shipped specs while it was built. Nothing a user runs
 * may depend on that: the same specs, logs and queries give the same output and exit code with the
 * snapshot and without it (TRAILSIGHT_SNAPSHOT=0), and a snapshot built for another folder is not used.
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const INVALID = join(REPO, 'test/language/fixtures/invalid');

function trailsight(bin: string, args: readonly string[], env: Record<string, string> = {}, cwd = REPO): Promise<CliResult> {
  return runCli(args, cwd, { bin, env });
}

const BIN = join(REPO, 'bin/trailsight.js');
const withSnapshot = (args: readonly string[], cwd = REPO) => trailsight(BIN, args, {}, cwd);
const withoutSnapshot = (args: readonly string[], cwd = REPO) => trailsight(BIN, args, { TRAILSIGHT_SNAPSHOT: '0' }, cwd);

/**
 * Runs `work` with a copy of the package's bin/ beside its dist/ in another folder: the snapshot's
 * manifest names the repository, not that folder, so the copy must start without the snapshot.
 */
async function fromElsewhere(work: (bin: string) => Promise<void>): Promise<void> {
  const elsewhere = await mkdtemp(join(tmpdir(), 'trailsight-moved-'));
  try {
    await mkdir(join(elsewhere, 'bin'));
    await copyFile(BIN, join(elsewhere, 'bin/trailsight.js'));
    await copyFile(join(REPO, 'package.json'), join(elsewhere, 'package.json'));
    await symlink(join(REPO, 'dist'), join(elsewhere, 'dist'));
    await work(join(elsewhere, 'bin/trailsight.js'));
  } finally {
    await rm(elsewhere, { recursive: true, force: true });
  }
}

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
    await fromElsewhere(async (bin) => {
      const moved = await trailsight(bin, ['lint', '--format', 'json', 'test/language/fixtures/base']);
      assert.deepEqual(moved, await withoutSnapshot(['lint', '--format', 'json', 'test/language/fixtures/base']));
      assert.equal(moved.code, 0, moved.stderr);
    });
  });
});

describe('query from the startup snapshot', function () {
  this.timeout(300_000);
  let dir: string;
  let logs: string;
  /** The logs with a truncated .json.gz and a JSON file that is no trail's, beside good files. */
  let badLogs: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-snapshot-query-'));
    logs = join(dir, 'logs');
    badLogs = join(dir, 'bad-logs');
    await generateSample({ out: logs, events: 2000, days: 2, seed: 3 });
    await generateSample({ out: badLogs, events: 300, days: 1, seed: 4 });
    let day = join(badLogs, 'AWSLogs');
    for (const _ of ['account', 'CloudTrail', 'region', 'yyyy', 'mm', 'dd']) day = join(day, (await readdir(day)).sort()[0]!);
    await writeFile(join(day, '111122223333_CloudTrail_us-east-1_20260101T0000Z_truncated.json.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    await writeFile(join(day, '111122223333_CloudTrail_us-east-1_20260101T0000Z_notrail.json'), '{"hello": "world"}');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** `trailsight query ARGS` with and without the snapshot, each over a new cache of the same name (nothing read before). */
  async function bothWays(args: readonly string[]): Promise<CliResult> {
    const cache = join(dir, 'cache');
    const run = async (how: typeof withSnapshot) => {
      await rm(cache, { recursive: true, force: true });
      return how(['query', '--cache', cache, ...args], dir);
    };
    const fromSnapshot = await run(withSnapshot);
    assert.deepEqual(fromSnapshot, await run(withoutSnapshot), `trailsight query ${args.join(' ')}`);
    return fromSnapshot;
  }

  const GROUP_BY = 'SELECT eventsource, eventname, count(*) AS n FROM cloudtrail_logs GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2';
  const ROWS = 'SELECT eventtime, useridentity.arn, sourceipaddress, resources, account, region FROM cloudtrail_logs ORDER BY eventtime, eventid LIMIT 20';

  it('a group-by over logs, as a table, JSON and CSV: the same rows as without it', async () => {
    const table = await bothWays(['--logs', logs, '--sql', GROUP_BY]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /\((\d+) rows\)\n$/);
    assert.ok(Number(/\((\d+) rows\)/.exec(table.stdout)![1]) > 5, table.stdout);
    const json = await bothWays(['--logs', logs, '--format', 'json', '--sql', ROWS]);
    assert.equal(json.code, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    assert.equal(rows.length, 20);
    assert.ok(
      rows.every((row) => typeof row.eventtime === 'string' && /^\d{12}$/.test(String(row.account))),
      json.stdout,
    );
    const csv = await bothWays(['--logs', logs, '--format', 'csv', '--sql', GROUP_BY]);
    assert.equal(csv.code, 0, csv.stderr);
    const lines = csv.stdout.trim().split('\r\n');
    assert.equal(lines[0], 'eventsource,eventname,n');
    assert.equal(
      lines.slice(1).reduce((sum, line) => sum + Number(line.split(',').at(-1)), 0),
      2000,
      'every event counted',
    );
  });

  it("errors: Athena's for an unknown column and for DuckDB's own SQL, a missing --logs folder, a bad flag, --help", async () => {
    const unknown = await bothWays(['--logs', logs, '--sql', 'SELECT no_such_column FROM cloudtrail_logs']);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr, "trailsight: COLUMN_NOT_FOUND: line 1:8: Column 'no_such_column' cannot be resolved\n");
    const duckDb = await bothWays(['--logs', logs, '--sql', "SELECT list_value(1, 2) FROM read_json('x.json')"]);
    assert.equal(duckDb.code, 1);
    assert.match(duckDb.stderr, /^trailsight: SYNTAX_ERROR: line 1:\d+: /);
    const fn = await bothWays(['--logs', logs, '--sql', 'SELECT list_value(1, 2)']);
    assert.equal(fn.stderr, "trailsight: FUNCTION_NOT_FOUND: line 1:8: Function 'list_value' not registered\n");
    const missing = await bothWays(['--logs', join(dir, 'no-such-folder'), '--sql', GROUP_BY]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder/);
    const badFlag = await bothWays(['--logs', logs, '--no-such-flag', '--sql', GROUP_BY]);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /unknown option '--no-such-flag'/);
    const noSql = await bothWays(['--logs', logs]);
    assert.equal(noSql.code, 2);
    const noTarget = await bothWays(['--target', 'no-such-target', '--sql', GROUP_BY]);
    assert.notEqual(noTarget.code, 0);
    const help = await bothWays(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Run an Athena query over CloudTrail logs on disk/);
  });

  it('a bad log file is reported skipped, and the good files answer', async () => {
    const result = await bothWays(['--logs', badLogs, '--format', 'csv', '--sql', 'SELECT count(*) AS n FROM cloudtrail_logs']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'n\r\n300\r\n');
    assert.match(result.stderr, /skipped .*_truncated\.json\.gz: /);
    assert.match(result.stderr, /skipped .*_notrail\.json: /);
    assert.match(result.stderr, /2 bad file\(s\) skipped/);
  });

  it('a snapshot built for another folder is not used', async () => {
    await fromElsewhere(async (bin) => {
      const args = ['query', '--logs', logs, '--cache', ':memory:', '--format', 'csv', '--sql', GROUP_BY];
      const moved = await trailsight(bin, args, {}, dir);
      assert.equal(moved.code, 0, moved.stderr);
      assert.deepEqual(moved, await withoutSnapshot(args, dir));
    });
  });

  it('SIGINT to bin/trailsight.js during a long query ends the query too: the cache is free and answers the next query', async () => {
    // Some 8 000 five-minute files: seconds of reading, cold.
    const many = join(dir, 'many');
    const cache = join(dir, 'interrupted-cache');
    const summary = await generateSample({ out: many, events: 20_000, days: 3, seed: 6, fileMinutes: 5 });
    assert.ok(summary.files > 5000, `${summary.files} files`);
    const args = ['query', '--logs', many, '--cache', cache, '--format', 'csv', '--sql', 'SELECT count(*) AS n FROM cloudtrail_logs'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    const { code, signal } = await ended;
    assert.equal(stdout, '', 'the query ran to its end: SIGINT did not reach it (or it was too short)');
    assert.deepEqual({ code, signal }, { code: null, signal: 'SIGINT' });
    // No process of the snapshot's is left with the cache (Linux's /proc tells).
    if (process.platform === 'linux') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const left = [];
      for (const pid of await readdir('/proc').catch(() => [])) {
        const cmdline = await readFile(join('/proc', pid, 'cmdline'), 'utf8').catch(() => '');
        if (cmdline.includes(cache)) left.push(pid);
      }
      assert.deepEqual(left, [], 'no process left reading into the cache');
    }
    const again = await withSnapshot(args, dir);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `n\r\n${summary.events}\r\n`);
  });
});
