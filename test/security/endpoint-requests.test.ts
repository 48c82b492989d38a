import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { CreateWorkGroupCommand, ListWorkGroupsCommand } from '@aws-sdk/client-athena';
import { CreateDatabaseCommand, GetDatabaseCommand } from '@aws-sdk/client-glue';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSourceCommand,
  DescribeDashboardCommand,
  DescribeDataSourceCommand,
  ListDashboardsCommand,
} from '@aws-sdk/client-quicksight';
import { findModelsDir, loadModel, validateShape } from '../../src/awsmodel/index.ts';
import { definition, dataSourceInput } from '../endpoint/fixtures.ts';
import { ACCOUNT, clients, failure, removeDir, startTestEndpoint, stopTestEndpoint, tempDir } from '../endpoint/helpers.ts';
import { assertAwsError, send } from './endpoint-http.ts';

const json11 = (target: string) => ({ 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' });

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe("security: malformed requests get 4xx in the service's AWS error shape, never a 5xx", () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;

  before(async () => {
    endpoint = await startTestEndpoint();
  });
  after(() => stopTestEndpoint(endpoint));

  it('a bad percent-encoding in a path label: 400 InvalidParameterValueException', async () => {
    assertAwsError(await send(endpoint.url, { path: '/accounts/%E0%A4%A/dashboards' }), 400, 'InvalidParameterValueException');
    assertAwsError(await send(endpoint.url, { path: `/accounts/${ACCOUNT}/dashboards/%E0%A4%A` }), 400, 'InvalidParameterValueException');
    assertAwsError(await send(endpoint.url, { path: `/accounts/${ACCOUNT}/dashboards/%FF` }), 400, 'InvalidParameterValueException');
    assertAwsError(await send(endpoint.url, { path: `/accounts/${ACCOUNT}/dashboards/a%00b` }), 400, 'InvalidParameterValueException');
  });

  it('operation names of Object.prototype are unknown operations: __proto__, constructor, toString, hasOwnProperty', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      for (const prefix of ['AmazonAthena', 'AWSGlue']) {
        const response = await send(endpoint.url, { method: 'POST', path: '/', headers: json11(`${prefix}.${name}`), body: '{}' });
        assertAwsError(response, 400, 'UnknownOperationException');
      }
    }
    const stsAction = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=constructor&Version=2011-06-15',
    });
    assertAwsError(stsAction, 400, 'InvalidAction');
    assertAwsError(
      await send(endpoint.url, { method: 'POST', path: '/', headers: json11('__proto__.ListWorkGroups'), body: '{}' }),
      400,
      'UnknownServiceException',
    );
    assertAwsError(
      await send(endpoint.url, { method: 'POST', path: '/', headers: json11('AmazonAthena.ListWorkGroups.extra'), body: '{}' }),
      400,
      'UnknownOperationException',
    );
  });

  it('bodies that are not a JSON object: 400 SerializationException', async () => {
    const bodies = [
      '{',
      'null',
      '[]',
      '42',
      '"text"',
      'true',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      '['.repeat(200000),
      `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    ];
    for (const body of bodies) {
      assertAwsError(
        await send(endpoint.url, { method: 'POST', path: '/', headers: json11('AmazonAthena.ListWorkGroups'), body }),
        400,
        'SerializationException',
      );
      assertAwsError(
        await send(endpoint.url, { method: 'POST', path: `/accounts/${ACCOUNT}/data-sources`, headers: { 'content-type': 'application/json' }, body }),
        400,
        'SerializationException',
      );
    }
  });

  it("members AWS's model leaves optional that an operation still needs: 400, not a crash", async () => {
    // StopQueryExecution's id is an idempotency token (the SDK fills it in); CreateTable may name an open-table-format table instead.
    assertAwsError(
      await send(endpoint.url, { method: 'POST', path: '/', headers: json11('AmazonAthena.StopQueryExecution'), body: '{}' }),
      400,
      'InvalidRequestException',
    );
    await send(endpoint.url, { method: 'POST', path: '/', headers: json11('AWSGlue.CreateDatabase'), body: '{"DatabaseInput":{"Name":"optional_members"}}' });
    const noTableInput = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: json11('AWSGlue.CreateTable'),
      body: '{"DatabaseName":"optional_members","Name":"t"}',
    });
    assertAwsError(noTableInput, 400, 'InvalidInputException');
  });

  it('a wrong method: 4xx UnknownOperationException', async () => {
    assertAwsError(
      await send(endpoint.url, { method: 'GET', path: '/', headers: { 'x-amz-target': 'AmazonAthena.ListWorkGroups' } }),
      400,
      'UnknownOperationException',
    );
    assertAwsError(await send(endpoint.url, { method: 'PATCH', path: `/accounts/${ACCOUNT}/dashboards/x` }), 405, 'UnknownOperationException');
    assertAwsError(await send(endpoint.url, { method: 'GET', path: `/accounts/${ACCOUNT}/nothing-here` }), 404, 'UnknownOperationException');
  });

  it('a request target that is not a path (absolute URL, *) is refused', async () => {
    assertAwsError(await send(endpoint.url, { path: `http://attacker.example/accounts/${ACCOUNT}/dashboards` }), 400);
    assertAwsError(await send(endpoint.url, { method: 'OPTIONS', path: '*' }), 400);
  });

  it('ids are checked against the whole pattern: x/../../y <script> is not a dashboard, analysis or workgroup id', async function () {
    if (!findModelsDir()) return this.skip();
    const qs = clients(endpoint.url).quicksight;
    const id = 'x/../../y <script>';
    for (const call of [
      () => qs.send(new CreateDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: id, Name: 'Planted', Definition: definition() })),
      () => qs.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: id })),
      () => qs.send(new CreateAnalysisCommand({ AwsAccountId: ACCOUNT, AnalysisId: id, Name: 'Planted', Definition: definition() })),
    ]) {
      const error = await failure(call());
      assert.equal(error.name, 'ValidationException');
      assert.match(
        error.message,
        /Value 'x\/\.\.\/\.\.\/y <script>' at '(dashboard|analysis)Id' failed to satisfy constraint: Member must satisfy regular expression pattern/,
      );
    }
    const athena = await failure(clients(endpoint.url).athena.send(new CreateWorkGroupCommand({ Name: 'a/../b' })));
    assert.equal(athena.name, 'InvalidRequestException');
  });

  it('the validator anchors every model pattern (unit)', function () {
    if (!findModelsDir()) return this.skip();
    const quicksight = loadModel('quicksight')!;
    assert.equal(validateShape(quicksight, 'RestrictiveResourceId', 'x/../../y <script>')[0]?.rule, 'pattern');
    assert.deepEqual(validateShape(quicksight, 'RestrictiveResourceId', 'ok-id_1'), []);
    assert.equal(validateShape(quicksight, 'AwsAccountId', `x${ACCOUNT.slice(1)}`)[0]?.rule, 'pattern');
    assert.deepEqual(validateShape(quicksight, 'AliasName', '$LATEST'), []);
    assert.equal(validateShape(quicksight, 'AliasName', '$LATEST/../x')[0]?.rule, 'pattern');
    const athena = loadModel('athena')!;
    assert.equal(validateShape(athena, 'WorkGroupName', 'a/../b')[0]?.rule, 'pattern');
    assert.equal(validateShape(athena, 'QueryExecutionId', 'has space')[0]?.rule, 'pattern');
  });
});

describe('security: ids never reach the file system as paths, and long ones fit', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;

  before(async () => {
    endpoint = await startTestEndpoint();
  });
  after(() => stopTestEndpoint(endpoint));

  it('a 300-character (and a 512-character) dashboard id is created, described and listed (was ENAMETOOLONG)', async () => {
    const qs = clients(endpoint.url).quicksight;
    for (const id of ['d'.repeat(300), `${'e'.repeat(500)}-1234567890_`]) {
      await qs.send(new CreateDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: id, Name: 'Long', Definition: definition() }));
      assert.equal((await qs.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: id }))).Dashboard?.DashboardId, id);
    }
    const listed = (await qs.send(new ListDashboardsCommand({ AwsAccountId: ACCOUNT }))).DashboardSummaryList?.map((d) => d.DashboardId?.length ?? 0);
    assert.deepEqual(listed?.sort(), [300, 512]);
    for (const file of await filesUnder(endpoint.settings.stateDir)) for (const part of file.split('/')) assert.ok(Buffer.byteLength(part) <= 255, part);
  });

  it('Glue names with slashes and dots stay files inside --state', async () => {
    // A folder of the test's own holds --state and the S3 root: anything written beside them escaped.
    const parent = await tempDir('contained');
    const contained = await startTestEndpoint({ stateDir: join(parent, 'state'), s3Root: join(parent, 's3') });
    try {
      const glue = clients(contained.url).glue;
      for (const name of ['../../escape', '..', '.', 'a/b\\c']) {
        await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: name } }));
        assert.equal((await glue.send(new GetDatabaseCommand({ Name: name }))).Database?.Name, name);
      }
      const files = await filesUnder(parent);
      assert.ok(files.length >= 4);
      for (const file of files) assert.ok(file.startsWith('state/'), `${file} was written outside --state`);
    } finally {
      await stopTestEndpoint(contained);
      await removeDir(parent);
    }
  });

  it('without the API models, ids still cannot climb out of --state or overflow a file name', async () => {
    const bare = await startTestEndpoint({ modelsDir: false });
    try {
      const qs = clients(bare.url).quicksight;
      for (const id of ['x/../../y <script>', 'z'.repeat(1000)]) {
        await qs.send(new CreateDataSourceCommand(dataSourceInput(id)));
        assert.equal((await qs.send(new DescribeDataSourceCommand({ AwsAccountId: ACCOUNT, DataSourceId: id }))).DataSource?.DataSourceId, id);
      }
      for (const file of await filesUnder(bare.settings.stateDir)) {
        assert.ok(!file.split('/').includes('..'));
        for (const part of file.split('/')) assert.ok(Buffer.byteLength(part) <= 255, part);
      }
    } finally {
      await stopTestEndpoint(bare);
    }
  });
});

describe('security: request bodies are limited and never read whole', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;

  before(async () => {
    endpoint = await startTestEndpoint();
  });
  after(() => stopTestEndpoint(endpoint));

  /** Starts a POST declaring (or streaming) a huge body; resolves with the status once the endpoint answers, and how much was sent by then. */
  function hugePost(options: { declare: boolean }): Promise<{ status: number; sentBytes: number; code?: string }> {
    const { hostname, port } = new URL(endpoint.url);
    const total = 256 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = request(
        {
          host: hostname,
          port,
          method: 'POST',
          path: '/',
          agent: false,
          headers: { ...json11('AmazonAthena.ListWorkGroups'), ...(options.declare ? { 'content-length': String(total) } : {}) },
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, sentBytes: sent, code: String(res.headers['x-amzn-errortype'] ?? '') }));
        },
      );
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it('a declared 256 MB body is refused with 413 before it is read', async () => {
    const rss = process.memoryUsage().rss;
    const answer = await hugePost({ declare: true });
    assert.equal(answer.status, 413);
    assert.equal(answer.code, 'RequestEntityTooLargeException');
    assert.ok(process.memoryUsage().rss - rss < 100 * 1024 * 1024, 'the body was buffered');
  });

  it('a chunked body growing past 10 MiB is refused with 413 as soon as it does', async () => {
    const answer = await hugePost({ declare: false });
    assert.equal(answer.status, 413);
    assert.ok(answer.sentBytes < 100 * 1024 * 1024, `the endpoint read on to ${answer.sentBytes} bytes`);
  });

  it('the endpoint still answers afterwards', async () => {
    await clients(endpoint.url).athena.send(new ListWorkGroupsCommand({}));
  });
});
