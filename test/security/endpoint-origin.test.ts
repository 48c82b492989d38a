import assert from 'node:assert/strict';
import { ListWorkGroupsCommand } from '@aws-sdk/client-athena';
import { GetDatabasesCommand } from '@aws-sdk/client-glue';
import { CreateDataSourceCommand, DescribeDataSourceCommand, ListDataSourcesCommand } from '@aws-sdk/client-quicksight';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { dataSourceInput } from '../endpoint/fixtures.ts';
import { ACCOUNT, clients, startTestEndpoint, stopTestEndpoint } from '../endpoint/helpers.ts';
import { assertAwsError, portOf, send } from './endpoint-http.ts';

/**
 * The endpoint serves only its own user: the Host it listens on (no DNS rebinding), no browser
 * page of another origin, only the content types AWS clients send. Each refusal is a 403 (or 400)
 * in the service's error shape, and nothing reaches a handler.
 */
describe('security: the endpoint answers only its own user (Host, Origin, Content-Type)', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let port: string;
  const dataSources = `/accounts/${ACCOUNT}/data-sources`;
  const createBody = JSON.stringify({
    DataSourceId: 'planted',
    Name: 'Planted',
    Type: 'ATHENA',
    DataSourceParameters: { AthenaParameters: { WorkGroup: 'primary' } },
  });

  before(async () => {
    endpoint = await startTestEndpoint();
    port = portOf(endpoint.url);
  });
  after(() => stopTestEndpoint(endpoint));

  async function plantedExists(): Promise<boolean> {
    const listed = await clients(endpoint.url).quicksight.send(new ListDataSourcesCommand({ AwsAccountId: ACCOUNT }));
    return (listed.DataSources ?? []).some((d) => d.DataSourceId === 'planted');
  }

  it('DNS rebinding: a request for Host attacker.example is refused (403) and creates nothing', async () => {
    for (const host of ['attacker.example', `attacker.example:${port}`, `localhost.attacker.example:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.1']) {
      const response = await send(endpoint.url, { method: 'POST', path: dataSources, headers: { host, 'content-type': 'application/json' }, body: createBody });
      const message = assertAwsError(response, 403, 'AccessDeniedException');
      assert.match(message, /Host header/);
    }
    const athena = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: { host: 'attacker.example', 'x-amz-target': 'AmazonAthena.ListWorkGroups', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    assertAwsError(athena, 403, 'AccessDeniedException');
    const sts = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: { host: 'attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    assertAwsError(sts, 403, 'AccessDenied');
    assert.match(sts.text, /^<ErrorResponse>/);
    assert.equal(await plantedExists(), false);
  });

  it('the loopback names of its own port are served: 127.0.0.1, localhost, [::1]', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const response = await send(endpoint.url, { path: dataSources, headers: { host } });
      assert.equal(response.status, 200, `${host}: ${response.text}`);
    }
  });

  it("a browser's cross-site text/plain form POST cannot create a data source", async () => {
    const response = await send(endpoint.url, {
      method: 'POST',
      path: dataSources,
      headers: { origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'content-type': 'text/plain;charset=UTF-8' },
      body: createBody,
    });
    assertAwsError(response, 403, 'AccessDeniedException');
    assert.equal(await plantedExists(), false);
  });

  it('each browser sign alone is enough: a foreign Origin, Sec-Fetch-Site cross-site or same-site, a text/plain body', async () => {
    const json = { 'content-type': 'application/json' };
    for (const origin of [
      'http://attacker.example',
      'null',
      `http://127.0.0.1:${Number(port) + 1}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.attacker.example`,
    ]) {
      assertAwsError(
        await send(endpoint.url, { method: 'POST', path: dataSources, headers: { ...json, origin }, body: createBody }),
        403,
        'AccessDeniedException',
      );
    }
    for (const site of ['cross-site', 'same-site']) {
      assertAwsError(
        await send(endpoint.url, { method: 'POST', path: dataSources, headers: { ...json, 'sec-fetch-site': site }, body: createBody }),
        403,
        'AccessDeniedException',
      );
    }
    for (const contentType of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const response = await send(endpoint.url, { method: 'POST', path: dataSources, headers: { 'content-type': contentType }, body: createBody });
      assert.ok(response.status === 400 || response.status === 403, `${contentType}: ${response.status} ${response.text}`);
      assertAwsError(response, response.status);
    }
    const noType = await send(endpoint.url, { method: 'POST', path: dataSources, body: createBody });
    assertAwsError(noType, 400, 'SerializationException');
    assert.equal(await plantedExists(), false);
  });

  it('Athena and Glue refuse text/plain too, in the JSON 1.1 error shape', async () => {
    const response = await send(endpoint.url, {
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': 'AWSGlue.CreateDatabase', 'content-type': 'text/plain' },
      body: '{"DatabaseInput":{"Name":"planted"}}',
    });
    assertAwsError(response, 400, 'SerializationException');
    assert.equal(JSON.parse(response.text).__type, 'SerializationException');
    assert.deepEqual((await clients(endpoint.url).glue.send(new GetDatabasesCommand({}))).DatabaseList, []);
  });

  it("its own origin, the SDK's requests and bodiless GETs without a content type are served", async () => {
    const own = await send(endpoint.url, {
      method: 'POST',
      path: dataSources,
      headers: { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ ...dataSourceInput('own'), AwsAccountId: undefined }),
    });
    assert.equal(own.status, 202, own.text);
    const sdk = clients(endpoint.url);
    assert.equal((await sdk.quicksight.send(new DescribeDataSourceCommand({ AwsAccountId: ACCOUNT, DataSourceId: 'own' }))).DataSource?.Name, 'CloudTrail');
    await sdk.athena.send(new ListWorkGroupsCommand({}));
    assert.equal((await sdk.sts.send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
  });
});

describe('security: binding beyond loopback requires credentials', () => {
  it('a non-loopback host without credentials does not start', async () => {
    await assert.rejects(startTestEndpoint({ host: '0.0.0.0' }), /0\.0\.0\.0 \(not loopback\) needs credentials/);
  });

  it('with credentials it starts, and still serves signed SDK clients through its loopback URL', async () => {
    const endpoint = await startTestEndpoint({ host: '0.0.0.0', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' } });
    try {
      assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const sdk = clients(endpoint.url);
      await sdk.quicksight.send(new CreateDataSourceCommand(dataSourceInput()));
      assert.equal((await sdk.sts.send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
      const unsigned = await send(endpoint.url, { path: `/accounts/${ACCOUNT}/data-sources` });
      assertAwsError(unsigned, 403, 'MissingAuthenticationTokenException');
    } finally {
      await stopTestEndpoint(endpoint);
    }
  });
});
