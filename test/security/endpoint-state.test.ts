import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, openSync, closeSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  BatchGetQueryExecutionCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  ListQueryExecutionsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
} from '@aws-sdk/client-athena';
import { CreateDatabaseCommand } from '@aws-sdk/client-glue';
import { CreateDataSourceCommand, DescribeDataSourceCommand } from '@aws-sdk/client-quicksight';
import fc from 'fast-check';
import { nodeStateFileSystem, type StateFileSystem } from '../../src/endpoint/state/files.ts';
import { collectionPath, decodeSegment, encodeSegment, recordPath } from '../../src/endpoint/state/paths.ts';
import { dataSourceInput } from '../endpoint/fixtures.ts';
import { ACCOUNT, clients, failure, poll, REGION, removeDir, startTestEndpoint, stopTestEndpoint, tempDir } from '../endpoint/helpers.ts';

const REPO = new URL('../../', import.meta.url).pathname;
const DAY = 24 * 60 * 60 * 1000;

/** Every file under a folder, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected by the test`), { code });
}

/**
 * The real file operations, except that while `failWith` is set, writing a file writes half of it
 * and then fails with that code: what a disk that fills up mid-write does.
 */
function faultyFiles(): StateFileSystem & { failWith?: string } {
  const files: StateFileSystem & { failWith?: string } = {
    ...nodeStateFileSystem,
    async writeText(file, text) {
      if (!files.failWith) return nodeStateFileSystem.writeText(file, text);
      await nodeStateFileSystem.writeText(file, text.slice(0, text.length / 2));
      throw systemError(files.failWith);
    },
  };
  return files;
}

describe('security: state keys are file names inside --state, whatever the ids hold', () => {
  const root = '/srv/state';

  it('. .. / \\ and the empty id are escaped, never path steps', () => {
    assert.equal(encodeSegment('.'), '%2E');
    assert.equal(encodeSegment('..'), '%2E%2E');
    assert.equal(encodeSegment('a/../b\\c'), 'a%2F%2E%2E%2Fb%5Cc');
    assert.equal(encodeSegment(''), '%');
    assert.equal(recordPath(root, ['glue', '..', '..', 'etc']), '/srv/state/glue/%2E%2E/%2E%2E/etc.json');
    for (const id of ['.', '..', '', 'a/b', 'é', 'x'.repeat(10)]) assert.equal(decodeSegment(encodeSegment(id)), id);
  });

  it('a long id becomes a name of at most 255 bytes, distinct from every other id', () => {
    const long = encodeSegment('d'.repeat(300));
    assert.ok(Buffer.byteLength(`${long}.json`) <= 255);
    assert.notEqual(encodeSegment(`${'d'.repeat(299)}e`), long);
    assert.equal(decodeSegment(long), undefined);
  });

  it('any key (seeded random segments) stays inside the root, every name within 255 bytes', () => {
    const segment = fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), fc.constantFrom('.', '..', '', '/', '\\', '%2e', '~'));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (key) => {
        for (const path of [recordPath(root, key), collectionPath(root, key)]) {
          assert.ok(path.startsWith(`${root}/`), path);
          for (const part of path.slice(root.length + 1).split('/')) {
            assert.ok(part !== '.' && part !== '..' && part !== '', path);
            assert.ok(Buffer.byteLength(part) <= 255, part);
          }
        }
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('security: a full or read-only --state disk is a clear 500, never a crash', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let files: ReturnType<typeof faultyFiles>;
  const logged: string[] = [];

  before(async () => {
    files = faultyFiles();
    // The log fails too, as a log file on the same full disk would.
    const log = (line: string) => {
      logged.push(line);
      if (files.failWith) throw systemError(files.failWith);
    };
    endpoint = await startTestEndpoint({ stateFileSystem: files, log, queryDelayMs: 200 });
  });
  after(() => stopTestEndpoint(endpoint));
  afterEach(() => (files.failWith = undefined));

  for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES']) {
    it(`${code} while writing: InternalFailureException naming the state path, no .tmp left, the next request works`, async () => {
      const qs = clients(endpoint.url, { maxAttempts: 1 }).quicksight;
      files.failWith = code;
      const error = await failure(qs.send(new CreateDataSourceCommand(dataSourceInput(`full-${code}`))));
      assert.equal(error.name, 'InternalFailureException');
      assert.equal(error.$metadata?.httpStatusCode, 500);
      assert.ok(error.message.includes(endpoint.settings.stateDir), error.message);
      assert.match(error.message, new RegExp(`\\(${code}\\)`));
      assert.deepEqual(
        (await filesUnder(endpoint.settings.stateDir)).filter((f) => f.endsWith('.tmp')),
        [],
      );

      files.failWith = undefined;
      await qs.send(new CreateDataSourceCommand(dataSourceInput(`full-${code}`)));
      assert.equal((await qs.send(new DescribeDataSourceCommand({ AwsAccountId: ACCOUNT, DataSourceId: `full-${code}` }))).DataSource?.Name, 'CloudTrail');
    });
  }

  it('Glue and Athena answer their own internal-failure types', async () => {
    const sdk = clients(endpoint.url, { maxAttempts: 1 });
    files.failWith = 'ENOSPC';
    const glue = await failure(sdk.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'full' } })));
    assert.equal(glue.name, 'InternalServiceException');
    assert.match(glue.message, /no space left on the device/);
    const athena = await failure(
      sdk.athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: { OutputLocation: 's3://results/' } })),
    );
    assert.equal(athena.name, 'InternalServerException');
  });

  it('a query whose result cannot be stored is logged, and the server lives on', async () => {
    const athena = clients(endpoint.url).athena;
    const { QueryExecutionId } = await athena.send(
      new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: { OutputLocation: 's3://results/' } }),
    );
    files.failWith = 'ENOSPC';
    await new Promise((r) => setTimeout(r, 1500));
    files.failWith = undefined;
    assert.ok(
      logged.some((line) => line.includes(QueryExecutionId!) && /no space left on the device/.test(line)),
      logged.join('\n'),
    );
    await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
  });
});

/** Mounts a tmpfs of `size` at `dir`; false where mounting is not allowed (not root, a container without CAP_SYS_ADMIN). */
function mountTmpfs(dir: string, size: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

describe('security: a really full disk (a 1 MiB tmpfs)', function () {
  this.timeout(60000);
  let disk: string;

  before(async function () {
    disk = await tempDir('full-disk');
    if (!mountTmpfs(disk, '1m')) {
      console.log('    (skipped: cannot mount a tmpfs here — needs root with CAP_SYS_ADMIN; the injected faults above cover the same paths)');
      await removeDir(disk);
      this.skip();
    }
  });
  after(async () => {
    if (!disk) return;
    spawnSync('umount', [disk]);
    await removeDir(disk);
  });

  /** Fills the disk but for a few bytes; returns the filler to remove. */
  async function fill(): Promise<string> {
    const filler = join(disk, 'filler');
    const fd = openSync(filler, 'w');
    closeSync(fd);
    try {
      for (;;) appendFileSync(filler, Buffer.alloc(16 * 1024));
    } catch {
      // full
    }
    return filler;
  }

  it('state writes fail as InternalFailure naming the path; the log on the same disk never crashes the endpoint; freeing space heals', async () => {
    const stateDir = join(disk, 'state');
    const logFile = join(disk, 'endpoint.log');
    // Logs as the local target does: appendFileSync to a file beside the state.
    const endpoint = await startTestEndpoint({ stateDir, log: (line) => appendFileSync(logFile, `${line}\n`) });
    try {
      const qs = clients(endpoint.url, { maxAttempts: 1 }).quicksight;
      await qs.send(new CreateDataSourceCommand(dataSourceInput('before')));
      const filler = await fill();
      const error = await failure(qs.send(new CreateDataSourceCommand(dataSourceInput(`big-${'x'.repeat(400)}`))));
      assert.equal(error.name, 'InternalFailureException');
      assert.ok(error.message.includes(stateDir), error.message);
      assert.match(error.message, /no space left on the device \(ENOSPC\)/);
      assert.deepEqual(
        (await filesUnder(stateDir)).filter((f) => f.endsWith('.tmp')),
        [],
      );
      await rm(filler);
      await qs.send(new CreateDataSourceCommand(dataSourceInput('after')));
    } finally {
      await stopTestEndpoint(endpoint);
    }
  });

  it('`trailsight serve` with standard error on the full disk keeps serving', async () => {
    const stateDir = join(disk, 'serve-state');
    const s3Root = await tempDir('s3');
    await mkdir(stateDir, { recursive: true });
    const stderrFile = join(disk, 'serve.stderr');
    await writeFile(stderrFile, '');
    const stderr = openSync(stderrFile, 'a');
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin/trailsight.js'), 'serve', '--port', '0', '--state', stateDir, '--s3-root', s3Root, '--account', ACCOUNT, '--region', REGION],
      {
        stdio: ['ignore', 'pipe', stderr],
      },
    );
    closeSync(stderr);
    try {
      let out = '';
      child.stdout!.on('data', (chunk) => (out += chunk));
      const url = (
        await poll(
          async () => out,
          (text) => /^http:\/\/\S+\n/.test(text) || child.exitCode !== null,
          30000,
        )
      ).split('\n')[0];
      assert.match(url, /^http:/, `serve did not start: ${out}`);
      const filler = await fill();
      const qs = clients(url, { maxAttempts: 1 }).quicksight;
      // Each failed write is logged to the full standard error.
      for (let i = 0; i < 3; i++)
        assert.equal((await failure(qs.send(new CreateDataSourceCommand(dataSourceInput(`s${i}-${'y'.repeat(300)}`))))).name, 'InternalFailureException');
      assert.equal(child.exitCode, null, 'trailsight serve exited');
      await rm(filler);
      await qs.send(new CreateDataSourceCommand(dataSourceInput('healed')));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await removeDir(s3Root);
    }
  });
});

describe('security: Athena query history expires after 45 days, as in Athena', function () {
  this.timeout(60000);
  let stateDir: string;
  let s3Root: string;
  let offset = 0;
  const clock = () => Date.now() + offset;
  const output = { OutputLocation: 's3://results/' };

  before(async () => {
    stateDir = await tempDir('state');
    s3Root = await tempDir('s3');
  });
  after(async () => {
    await removeDir(stateDir);
    await removeDir(s3Root);
  });

  const executionFiles = async () => (await filesUnder(join(stateDir, 'athena'))).filter((f) => /\/(executions|results|tokens)\//.test(f)).sort();

  async function run(athena: AthenaClient, sql: string, token?: string): Promise<string> {
    const { QueryExecutionId } = await athena.send(
      new StartQueryExecutionCommand({ QueryString: sql, ResultConfiguration: output, ClientRequestToken: token }),
    );
    await poll(
      () => athena.send(new GetQueryExecutionCommand({ QueryExecutionId })),
      (q) => q.QueryExecution?.Status?.State === 'SUCCEEDED',
    );
    return QueryExecutionId!;
  }

  it('older than 45 days: not listed, unknown to Get/Results/Batch/Stop, and swept (execution, result, token)', async () => {
    offset = 0;
    const endpoint = await startTestEndpoint({ stateDir, s3Root, clock });
    try {
      const athena = clients(endpoint.url).athena;
      const token = 'a1b2c3d4-0000-4000-8000-123456789abc';
      const old = await run(athena, 'SELECT 1 AS one', token);
      const older = await run(athena, 'SELECT 2 AS two');
      // (The SDK sends a ClientRequestToken of its own when none is given: every execution has one.)
      assert.deepEqual(
        (await executionFiles()).map((f) => f.split('/')[2]),
        ['executions', 'executions', 'results', 'results', 'tokens', 'tokens'],
      );

      offset = 44 * DAY;
      assert.deepEqual(((await athena.send(new ListQueryExecutionsCommand({}))).QueryExecutionIds ?? []).sort(), [old, older].sort());
      await athena.send(new GetQueryResultsCommand({ QueryExecutionId: old }));

      offset = 45 * DAY + 60_000;
      assert.deepEqual((await athena.send(new ListQueryExecutionsCommand({}))).QueryExecutionIds, []);
      const unknownId = '00000000-0000-4000-8000-000000000000';
      const unknown = await failure(athena.send(new GetQueryExecutionCommand({ QueryExecutionId: unknownId })));
      const expired = await failure(athena.send(new GetQueryExecutionCommand({ QueryExecutionId: old })));
      assert.equal(expired.name, unknown.name);
      assert.equal(expired.$metadata?.httpStatusCode, unknown.$metadata?.httpStatusCode);
      assert.equal(expired.message, unknown.message.replace(unknownId, old));
      assert.equal((expired as Error & { AthenaErrorCode?: string }).AthenaErrorCode, 'INVALID_INPUT');
      assert.equal((await failure(athena.send(new GetQueryResultsCommand({ QueryExecutionId: old })))).message, expired.message);
      assert.equal((await failure(athena.send(new StopQueryExecutionCommand({ QueryExecutionId: old })))).message, expired.message);
      const batch = await athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: [old, older] }));
      assert.deepEqual(batch.QueryExecutions, []);
      assert.equal(batch.UnprocessedQueryExecutionIds?.length, 2);

      // The next StartQueryExecution sweeps: the old token starts a new execution, the old files are gone.
      const fresh = await run(athena, 'SELECT 3 AS three', token);
      assert.notEqual(fresh, old);
      const left = await executionFiles();
      assert.ok(!left.some((f) => f.includes(old) || f.includes(older)), left.join('\n'));
      assert.deepEqual(
        left.map((f) => f.split('/')[2]),
        ['executions', 'results', 'tokens'],
      );
    } finally {
      await stopTestEndpoint(endpoint);
    }
  });

  it('an endpoint started after 45 days removes the history when it starts', async () => {
    assert.equal((await executionFiles()).length, 3);
    offset += 46 * DAY;
    const endpoint = await startTestEndpoint({ stateDir, s3Root, clock });
    try {
      assert.deepEqual(await executionFiles(), []);
    } finally {
      await stopTestEndpoint(endpoint);
    }
  });
});
