import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListWorkGroupsCommand } from '@aws-sdk/client-athena';
import { CreateDatabaseCommand, GetDatabasesCommand } from '@aws-sdk/client-glue';
import { CreateDataSourceCommand, DescribeDataSourceCommand, ListDataSourcesCommand } from '@aws-sdk/client-quicksight';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../src/endpoint/admission/node-sha256.ts';
import { dataSourceInput } from '../endpoint/fixtures.ts';
import { ACCOUNT, clients, failure, poll, REGION, removeDir, startTestEndpoint, stopTestEndpoint, tempDir, TEST_CREDENTIALS } from '../endpoint/helpers.ts';
import { assertAwsError, portOf, send } from './endpoint-http.ts';

const run = promisify(execFile);
const REPO = new URL('../../', import.meta.url).pathname;

/** Signs a raw request the way the SDK does, so a test can then tamper with it. */
async function signed(url: string, raw: { method: string; path: string; headers: Record<string, string>; body: string }, service: string, date = new Date()) {
  const { hostname, port } = new URL(url);
  const signer = new SignatureV4({ service, region: REGION, credentials: TEST_CREDENTIALS, sha256: NodeSha256 });
  const request = await signer.sign(
    {
      method: raw.method,
      protocol: 'http:',
      hostname,
      port: Number(port),
      path: raw.path,
      query: {},
      headers: { ...raw.headers, host: `${hostname}:${port}` },
      body: raw.body,
    },
    { signingDate: date },
  );
  return request.headers as Record<string, string>;
}

describe('security: with credentials, every request must carry a valid SigV4 signature', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;

  before(async () => {
    endpoint = await startTestEndpoint({ credentials: TEST_CREDENTIALS });
  });
  after(() => stopTestEndpoint(endpoint));

  it('SDK clients signing with the key are served, on every protocol', async () => {
    const sdk = clients(endpoint.url);
    await sdk.quicksight.send(new CreateDataSourceCommand(dataSourceInput('signed')));
    assert.equal(
      (await sdk.quicksight.send(new DescribeDataSourceCommand({ AwsAccountId: ACCOUNT, DataSourceId: 'signed' }))).DataSource?.DataSourceId,
      'signed',
    );
    // Query-string members are signed too.
    await sdk.quicksight.send(new ListDataSourcesCommand({ AwsAccountId: ACCOUNT, MaxResults: 5 }));
    await sdk.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'signed' } }));
    await sdk.athena.send(new ListWorkGroupsCommand({}));
    assert.equal((await sdk.sts.send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
  });

  it('a wrong secret: InvalidSignatureException (JSON), SignatureDoesNotMatch (Query), 403', async () => {
    const wrong = clients(endpoint.url, { maxAttempts: 1, credentials: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } });
    const calls = [
      () => wrong.quicksight.send(new ListDataSourcesCommand({ AwsAccountId: ACCOUNT })),
      () => wrong.athena.send(new ListWorkGroupsCommand({})),
      () => wrong.glue.send(new GetDatabasesCommand({})),
    ];
    for (const call of calls) {
      const error = await failure(call());
      assert.equal(error.name, 'InvalidSignatureException');
      assert.equal(error.$metadata?.httpStatusCode, 403);
    }
    const sts = await failure(wrong.sts.send(new GetCallerIdentityCommand({})));
    assert.equal(sts.name, 'SignatureDoesNotMatch');
    assert.equal(sts.$metadata?.httpStatusCode, 403);
  });

  it('an unknown access key: UnrecognizedClientException (JSON), InvalidClientTokenId (Query)', async () => {
    const stranger = clients(endpoint.url, { maxAttempts: 1, credentials: { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'secret' } });
    assert.equal((await failure(stranger.athena.send(new ListWorkGroupsCommand({})))).name, 'UnrecognizedClientException');
    assert.equal((await failure(stranger.quicksight.send(new ListDataSourcesCommand({ AwsAccountId: ACCOUNT })))).name, 'UnrecognizedClientException');
    assert.equal((await failure(stranger.sts.send(new GetCallerIdentityCommand({})))).name, 'InvalidClientTokenId');
  });

  it('a clock 20 minutes off: the signature has expired (AWS allows 15)', async () => {
    for (const offset of [-20 * 60 * 1000, 20 * 60 * 1000]) {
      const skewed = clients(endpoint.url, { maxAttempts: 1, systemClockOffset: offset });
      const error = await failure(skewed.athena.send(new ListWorkGroupsCommand({})));
      assert.equal(error.name, 'InvalidSignatureException');
      assert.match(error.message, /Signature expired/);
    }
    // Within 15 minutes is fine.
    await clients(endpoint.url, { maxAttempts: 1, systemClockOffset: -10 * 60 * 1000 }).athena.send(new ListWorkGroupsCommand({}));
  });

  it("unsigned requests: MissingAuthenticationToken, in each protocol's shape", async () => {
    assertAwsError(await send(endpoint.url, { path: `/accounts/${ACCOUNT}/data-sources` }), 403, 'MissingAuthenticationTokenException');
    assertAwsError(
      await send(endpoint.url, {
        method: 'POST',
        path: '/',
        headers: { 'x-amz-target': 'AmazonAthena.ListWorkGroups', 'content-type': 'application/x-amz-json-1.1' },
        body: '{}',
      }),
      403,
      'MissingAuthenticationTokenException',
    );
    const sts = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    assertAwsError(sts, 403, 'MissingAuthenticationToken');
  });

  it('a signed request whose body, path or headers were changed afterwards is refused', async () => {
    const target = { 'x-amz-target': 'AWSGlue.CreateDatabase', 'content-type': 'application/x-amz-json-1.1' };
    const body = JSON.stringify({ DatabaseInput: { Name: 'original' } });
    const headers = await signed(endpoint.url, { method: 'POST', path: '/', headers: target, body }, 'glue');
    const ok = await send(endpoint.url, { method: 'POST', path: '/', headers, body });
    assert.equal(ok.status, 200, ok.text);

    const replayedWithOtherBody = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers,
      body: JSON.stringify({ DatabaseInput: { Name: 'tampered' } }),
    });
    assertAwsError(replayedWithOtherBody, 403, 'InvalidSignatureException');
    const otherTarget = await send(endpoint.url, { method: 'POST', path: '/', headers: { ...headers, 'x-amz-target': 'AWSGlue.DeleteDatabase' }, body });
    assertAwsError(otherTarget, 403, 'InvalidSignatureException');
    const garbled = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: { ...headers, authorization: 'AWS4-HMAC-SHA256 Credential=AKIDLOCAL' },
      body,
    });
    assertAwsError(garbled, 403, 'IncompleteSignatureException');
    const names = (await clients(endpoint.url).glue.send(new GetDatabasesCommand({}))).DatabaseList?.map((d) => d.Name);
    assert.ok(!names?.includes('tampered'));
  });

  it('host-header refusals still come first, signed or not', async () => {
    const headers = await signed(endpoint.url, { method: 'GET', path: `/accounts/${ACCOUNT}/data-sources`, headers: {}, body: '' }, 'quicksight');
    const response = await send(endpoint.url, {
      path: `/accounts/${ACCOUNT}/data-sources`,
      headers: { ...headers, host: `attacker.example:${portOf(endpoint.url)}` },
    });
    assertAwsError(response, 403, 'AccessDeniedException');
  });
});

describe('security: the AWS CLI signs what the endpoint verifies', function () {
  this.timeout(120000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;

  before(async function () {
    if (spawnSync('aws', ['--version']).status !== 0) {
      console.log('    (skipped: the AWS CLI is not installed — `apt-get install -y awscli` to run this test)');
      this.skip();
    }
    endpoint = await startTestEndpoint({ credentials: TEST_CREDENTIALS });
  });
  after(() => stopTestEndpoint(endpoint));

  const aws = async (secret: string, ...args: string[]) => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_DEFAULT_REGION: REGION,
      AWS_PAGER: '',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_MAX_ATTEMPTS: '1',
    };
    const { stdout } = await run('aws', ['--endpoint-url', endpoint.url, '--output', 'json', ...args], { env });
    return stdout.trim() ? JSON.parse(stdout) : {};
  };

  it('sts get-caller-identity, glue, athena and quicksight (with a query string) succeed with the right key', async () => {
    assert.equal((await aws(TEST_CREDENTIALS.secretAccessKey, 'sts', 'get-caller-identity')).Account, ACCOUNT);
    await aws(TEST_CREDENTIALS.secretAccessKey, 'glue', 'create-database', '--database-input', '{"Name":"cli"}');
    await aws(TEST_CREDENTIALS.secretAccessKey, 'athena', 'list-work-groups');
    await aws(TEST_CREDENTIALS.secretAccessKey, 'quicksight', 'list-data-sources', '--aws-account-id', ACCOUNT, '--max-results', '5');
  });

  it('a wrong secret is refused with SignatureDoesNotMatch / InvalidSignatureException', async () => {
    await assert.rejects(aws('wrong', 'sts', 'get-caller-identity'), (error: Error & { stderr?: string }) => {
      assert.match(String(error.stderr), /SignatureDoesNotMatch/);
      return true;
    });
    await assert.rejects(aws('wrong', 'athena', 'list-work-groups'), (error: Error & { stderr?: string }) => {
      assert.match(String(error.stderr), /InvalidSignatureException/);
      return true;
    });
  });
});

describe('security: `trailsight serve` beyond loopback', function () {
  this.timeout(60000);
  let stateDir: string;
  let s3Root: string;

  before(async () => {
    stateDir = await tempDir('state');
    s3Root = await tempDir('s3');
  });
  after(async () => {
    await removeDir(stateDir);
    await removeDir(s3Root);
  });

  const serveArgs = (...extra: string[]) => [
    join(REPO, 'bin/trailsight.js'),
    'serve',
    '--port',
    '0',
    '--state',
    stateDir,
    '--s3-root',
    s3Root,
    '--account',
    ACCOUNT,
    ...extra,
  ];
  const envWithout = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'AWS_ACCESS_KEY_ID' && k !== 'AWS_SECRET_ACCESS_KEY'));

  it('refuses --host 0.0.0.0 without credentials, saying what to give', async () => {
    const result = spawnSync(process.execPath, serveArgs('--host', '0.0.0.0'), { encoding: 'utf8', env: envWithout() });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /--host 0\.0\.0\.0 is reachable from other machines: give the key pair .*AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });

  it('takes AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment and verifies every request', async () => {
    const env = { ...envWithout(), AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey };
    const child = spawn(process.execPath, serveArgs('--host', '0.0.0.0'), { stdio: ['ignore', 'pipe', 'pipe'], env });
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
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await clients(url).sts.send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
      assertAwsError(await send(url, { path: `/accounts/${ACCOUNT}/data-sources` }), 403, 'MissingAuthenticationTokenException');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('--access-key-id without --secret-access-key is a usage error', () => {
    const result = spawnSync(process.execPath, serveArgs('--access-key-id', 'AKID'), { encoding: 'utf8', env: envWithout() });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--access-key-id and --secret-access-key go together/);
  });
});
