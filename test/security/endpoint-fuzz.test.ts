import assert from 'node:assert/strict';
import { ListWorkGroupsCommand } from '@aws-sdk/client-athena';
import { GetDatabasesCommand } from '@aws-sdk/client-glue';
import { ListDashboardsCommand } from '@aws-sdk/client-quicksight';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import fc from 'fast-check';
import { QUICKSIGHT_ROUTES } from '../../src/endpoint/quicksight/routes.ts';
import { ACCOUNT, clients, startTestEndpoint, stopTestEndpoint, TEST_CREDENTIALS } from '../endpoint/helpers.ts';
import { awsErrorCode, portOf, send, type RawRequest } from './endpoint-http.ts';

/**
 * A bounded, seeded fuzz of the endpoint's request parsing over real HTTP: random and mutated
 * methods, paths, headers and bodies. Whatever comes in, the endpoint answers below 500 with an
 * AWS-shaped error (or a success), and still serves a valid SDK call afterwards. The seed makes
 * every CI run send the same requests; change it locally to explore.
 */
const SEED = 20260101;

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'];
const OPERATIONS = [
  'ListWorkGroups',
  'GetWorkGroup',
  'CreateWorkGroup',
  'StartQueryExecution',
  'GetQueryExecution',
  'GetQueryResults',
  'ListQueryExecutions',
  'BatchGetQueryExecution',
  'StopQueryExecution',
  'CreateDatabase',
  'GetDatabase',
  'GetDatabases',
  'CreateTable',
  'GetTable',
  'GetTables',
  'TagResource',
];
const MEMBERS = [
  'Name',
  'WorkGroup',
  'QueryString',
  'QueryExecutionId',
  'QueryExecutionIds',
  'MaxResults',
  'NextToken',
  'DatabaseInput',
  'DatabaseName',
  'TableInput',
  'DataSourceId',
  'DataSetId',
  'Definition',
  'Permissions',
  'Tags',
  'Type',
  'ResultConfiguration',
  'ClientRequestToken',
  'CatalogId',
  '__proto__',
  'constructor',
];

const printable = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&'()*+,;=:@".split('')),
  maxLength: 40,
});

/** One path segment: ids, dots, prototype names, good and broken percent-encodings, encoded unicode, Latin-1, huge. */
const segment = fc.oneof(
  { weight: 4, arbitrary: printable },
  { weight: 2, arbitrary: fc.constantFrom('.', '..', '', ACCOUNT, '000000000000', ...PROTOTYPE_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%FF', '%C0%AF', '%2e%2e', '%2F..%2F', '%00', '%zz', '%E2%82', '%F0%9F%98') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('é', 'ÿ', 'À', '\u00a0'), maxLength: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 4000 }).map((n) => 'x'.repeat(n)) },
);

/** Paths shaped like QuickSight's routes (labels fuzzed), or anything. */
const path = fc.oneof(
  fc.tuple(fc.constantFrom(...QUICKSIGHT_ROUTES.map((r) => r.uri)), fc.array(segment, { minLength: 4, maxLength: 4 })).map(([uri, values]) => {
    let i = 0;
    return uri.replace(/\{[A-Za-z]+\}/g, (label) => (label === '{AwsAccountId}' && i++ % 2 === 0 ? ACCOUNT : values[i++ % values.length]));
  }),
  fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
  fc.constant('/'),
);
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.constantFrom('max-results', 'next-token', 'version-number', 'alias-name', 'keys', 'Action', ...PROTOTYPE_NAMES), segment), {
      maxLength: 4,
    })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
);

const target = fc.oneof(
  fc.constant(undefined),
  fc
    .tuple(
      fc.constantFrom('AmazonAthena', 'AWSGlue', 'AmazonAthena.', 'Other', '__proto__', ''),
      fc.oneof(fc.constantFrom(...OPERATIONS, ...PROTOTYPE_NAMES), printable),
    )
    .map(([p, o]) => `${p}.${o}`),
  printable,
);
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/x-amz-json-1.1',
  'application/x-amz-json-1.0',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=utf-8',
  'multipart/form-data',
);
const authorization = fc.oneof(
  fc.constant(undefined),
  fc
    .constantFrom('quicksight', 'athena', 'glue', 'sts', 'other', '__proto__')
    .map(
      (service) =>
        `AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    ),
  printable.map((s) => `AWS4-HMAC-SHA256 ${s}`),
);

/** JSON values with prototype names, huge numbers and deep nesting mixed in. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -1, 1e308, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, '', 'x'.repeat(3000)),
    printable,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...MEMBERS), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const body = fc.oneof(
  fc.constant(''),
  jsonValue.map((v) => JSON.stringify(v) ?? ''),
  fc.dictionary(fc.constantFrom(...MEMBERS), jsonValue, { maxKeys: 5 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{',
    '{"a":',
    '[]',
    'null',
    '{"MaxResults": 1e400}',
    '{"MaxResults": -1e400}',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
  ),
  fc.integer({ min: 1, max: 3000 }).map((depth) => `{"Name":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.integer({ min: 1001, max: 20000 }).map((depth) => '['.repeat(depth)),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.tuple(fc.constantFrom('GetCallerIdentity', ...PROTOTYPE_NAMES, ''), printable).map(([action, extra]) => `Action=${action}&Version=2011-06-15&${extra}`),
);

const method = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') },
  { weight: 1, arbitrary: fc.constantFrom('PATCH', 'HEAD', 'OPTIONS', 'PROPFIND') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/) },
);

/** Requests of one protocol that get past the front door, so the parsers and handlers behind it are reached. */
function wellFormed(port: string): fc.Arbitrary<RawRequest> {
  const host = `127.0.0.1:${port}`;
  const restJson = fc
    .tuple(fc.constantFrom(...QUICKSIGHT_ROUTES), fc.array(segment, { minLength: 3, maxLength: 3 }), query, body)
    .map(([route, values, q, b]) => {
      let i = 0;
      const uri = route.uri.replace(/\{([A-Za-z]+)\}/g, (_, label: string) => (label === 'AwsAccountId' ? ACCOUNT : values[i++ % values.length]));
      return { method: route.method, path: `${uri}${q}`, headers: { host, 'content-type': 'application/json' }, body: b };
    });
  const json11 = fc
    .tuple(fc.constantFrom('AmazonAthena', 'AWSGlue'), fc.oneof(fc.constantFrom(...OPERATIONS), fc.constantFrom(...PROTOTYPE_NAMES)), body)
    .map(([prefix, operation, b]) => ({
      method: 'POST',
      path: '/',
      headers: { host, 'x-amz-target': `${prefix}.${operation}`, 'content-type': 'application/x-amz-json-1.1' },
      body: b,
    }));
  const form = fc
    .tuple(fc.constantFrom('GetCallerIdentity', 'AssumeRole', ...PROTOTYPE_NAMES), fc.array(fc.tuple(printable, segment), { maxLength: 3 }))
    .map(([action, extra]) => ({
      method: 'POST',
      path: '/',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: [`Action=${action}`, 'Version=2011-06-15', ...extra.map(([k, v]) => `${k}=${v}`)].join('&'),
    }));
  return fc.oneof(restJson, json11, form);
}

function requestArbitrary(port: string): fc.Arbitrary<RawRequest> {
  const host = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(`127.0.0.1:${port}`, `localhost:${port}`) },
    { weight: 1, arbitrary: fc.constantFrom('attacker.example', `[::1]:${port}`, '') },
  );
  const origin = fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('http://attacker.example', 'null', `http://127.0.0.1:${port}`) },
  );
  return fc.record({ method, path, query, host, target, contentType, authorization, origin, body }).map((r) => {
    const headers: Record<string, string> = { host: r.host };
    if (r.target !== undefined) headers['x-amz-target'] = r.target;
    if (r.contentType !== undefined) headers['content-type'] = r.contentType;
    if (r.authorization !== undefined) headers.authorization = r.authorization;
    if (r.origin !== undefined) headers.origin = r.origin;
    return { method: r.method, path: `${r.path}${r.query}`, headers, body: r.body };
  });
}

/** Mostly requests a parser accepts, with fully random ones mixed in. */
function anyRequest(port: string): fc.Arbitrary<RawRequest> {
  return fc.oneof({ weight: 3, arbitrary: wellFormed(port) }, { weight: 2, arbitrary: requestArbitrary(port) });
}

/** The invariant: below 500, and every error AWS-shaped (a HEAD answer has no body to look at). */
async function checkOne(url: string, raw: RawRequest): Promise<void> {
  let response;
  try {
    response = await send(url, raw);
  } catch (error) {
    // The client itself refuses some inputs (a path Node will not send); that is not the endpoint's answer.
    if ((error as NodeJS.ErrnoException).code === 'ERR_UNESCAPED_CHARACTERS' || (error as NodeJS.ErrnoException).code === 'ERR_INVALID_HTTP_TOKEN') return;
    throw error;
  }
  const where = `${raw.method} ${raw.path.slice(0, 200)} ${JSON.stringify(raw.headers)} → ${response.status} ${response.text.slice(0, 300)}`;
  assert.ok(response.status < 500, `a 5xx: ${where}`);
  if (response.status >= 400 && raw.method !== 'HEAD') assert.ok(awsErrorCode(response), `not an AWS-shaped error: ${where}`);
}

async function stillServes(url: string): Promise<void> {
  const sdk = clients(url);
  await sdk.quicksight.send(new ListDashboardsCommand({ AwsAccountId: ACCOUNT }));
  await sdk.athena.send(new ListWorkGroupsCommand({}));
  await sdk.glue.send(new GetDatabasesCommand({}));
  assert.equal((await sdk.sts.send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
}

describe('security: a seeded fuzz of request parsing never gets a 5xx or a crash', function () {
  this.timeout(60000);

  it('1500 random requests to a loopback endpoint', async () => {
    const endpoint = await startTestEndpoint();
    try {
      await fc.assert(
        fc.asyncProperty(anyRequest(portOf(endpoint.url)), (raw) => checkOne(endpoint.url, raw)),
        { seed: SEED, numRuns: 1500 },
      );
      await stillServes(endpoint.url);
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
    } finally {
      await stopTestEndpoint(endpoint);
    }
  });

  it('500 random requests to an endpoint without the API models (nothing validates shapes before the handlers)', async () => {
    const endpoint = await startTestEndpoint({ modelsDir: false });
    try {
      await fc.assert(
        fc.asyncProperty(anyRequest(portOf(endpoint.url)), (raw) => checkOne(endpoint.url, raw)),
        { seed: SEED + 2, numRuns: 500 },
      );
      await stillServes(endpoint.url);
    } finally {
      await stopTestEndpoint(endpoint);
    }
  });

  it('400 random requests to an endpoint that verifies signatures', async () => {
    const endpoint = await startTestEndpoint({ credentials: TEST_CREDENTIALS });
    try {
      await fc.assert(
        fc.asyncProperty(anyRequest(portOf(endpoint.url)), (raw) => checkOne(endpoint.url, raw)),
        { seed: SEED + 1, numRuns: 400 },
      );
      await stillServes(endpoint.url);
    } finally {
      await stopTestEndpoint(endpoint);
    }
  });
});
