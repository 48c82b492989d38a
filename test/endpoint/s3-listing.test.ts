import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HeadBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { REGION, removeDir, startTestEndpoint, stopTestEndpoint, tempDir, TEST_CREDENTIALS } from './helpers.ts';

async function put(root: string, key: string, body = 'x'): Promise<void> {
  await mkdir(join(root, ...key.split('/').slice(0, -1)), { recursive: true });
  await writeFile(join(root, ...key.split('/')), body);
}

describe('endpoint: S3 bucket listings (ListObjectsV2) over the S3 root and mounts, with the real S3 client', function () {
  this.timeout(30_000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>> | undefined;
  let s3Root: string;
  let mounted: string;
  let outside: string;
  let s3: S3Client;

  before(async () => {
    s3Root = await tempDir('s3-list');
    mounted = await tempDir('s3-mount');
    outside = await tempDir('s3-outside');
    await put(join(s3Root, 'bucket'), 'a/1.json');
    await put(join(s3Root, 'bucket'), 'a/2.json', 'twelve bytes');
    await put(join(s3Root, 'bucket'), 'a-b.json');
    await put(join(s3Root, 'bucket'), 'logs/AWSLogs/shadowed.json');
    await put(join(s3Root, 'bucket'), 'odd/<&>"\'.json');
    await put(mounted, '123456789012/CloudTrail/us-east-1/2026/12/07/f.json.gz');
    await put(outside, 'secret.txt');
    await symlink(outside, join(s3Root, 'bucket', 'escape'));
    endpoint = await startTestEndpoint({ s3Root, s3Mounts: [{ bucket: 'bucket', prefix: 'logs/AWSLogs/', dir: mounted }] });
    s3 = new S3Client({ endpoint: endpoint.url, region: REGION, credentials: TEST_CREDENTIALS, forcePathStyle: true });
  });
  after(async () => {
    s3?.destroy();
    await stopTestEndpoint(endpoint);
    for (const dir of [s3Root, mounted, outside]) await removeDir(dir);
  });

  const keys = async (input: { Prefix?: string; MaxKeys?: number; StartAfter?: string; ContinuationToken?: string }) =>
    s3.send(new ListObjectsV2Command({ Bucket: 'bucket', ...input }));

  it("lists keys in S3's order (UTF-8 bytes: a-b.json before a/…), mounts in their place, sizes and times", async () => {
    const answer = await keys({});
    assert.deepEqual(
      answer.Contents?.map((c) => c.Key),
      ['a-b.json', 'a/1.json', 'a/2.json', 'logs/AWSLogs/123456789012/CloudTrail/us-east-1/2026/12/07/f.json.gz', 'odd/<&>"\'.json'],
    );
    assert.equal(answer.Contents?.find((c) => c.Key === 'a/2.json')?.Size, 12);
    assert.ok(answer.Contents?.every((c) => c.LastModified instanceof Date));
    assert.equal(answer.KeyCount, 5);
    assert.equal(answer.IsTruncated, false);
  });

  it('a mount shadows what the S3 root holds under its prefix; links are never followed out', async () => {
    const all = (await keys({})).Contents?.map((c) => c.Key) ?? [];
    assert.ok(!all.includes('logs/AWSLogs/shadowed.json'));
    assert.ok(!all.some((k) => k?.startsWith('escape')), 'a link to a folder outside is not listed');
  });

  it('filters by prefix, including inside a mount, and pages with a continuation token', async () => {
    assert.deepEqual(
      (await keys({ Prefix: 'logs/AWSLogs/123456789012/CloudTrail/us-east-1/2026/12/07/' })).Contents?.map((c) => c.Key),
      ['logs/AWSLogs/123456789012/CloudTrail/us-east-1/2026/12/07/f.json.gz'],
    );
    assert.equal((await keys({ Prefix: 'logs/AWSLogs/123456789012/CloudTrail/us-east-1/2026/12/06/' })).KeyCount, 0);
    const first = await keys({ MaxKeys: 2 });
    assert.deepEqual(
      first.Contents?.map((c) => c.Key),
      ['a-b.json', 'a/1.json'],
    );
    assert.equal(first.IsTruncated, true);
    const second = await keys({ MaxKeys: 2, ContinuationToken: first.NextContinuationToken });
    assert.deepEqual(
      second.Contents?.map((c) => c.Key),
      ['a/2.json', 'logs/AWSLogs/123456789012/CloudTrail/us-east-1/2026/12/07/f.json.gz'],
    );
    assert.deepEqual(
      (await keys({ StartAfter: 'a/2.json' })).Contents?.map((c) => c.Key)?.[0],
      'logs/AWSLogs/123456789012/CloudTrail/us-east-1/2026/12/07/f.json.gz',
    );
  });

  it("a key with XML's special characters comes back as it is (escaped on the wire)", async () => {
    assert.deepEqual(
      (await keys({ Prefix: 'odd/' })).Contents?.map((c) => c.Key),
      ['odd/<&>"\'.json'],
    );
  });

  it('an unknown bucket is NoSuchBucket (404), as S3 answers; HeadBucket tells', async () => {
    await assert.rejects(s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })), (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(e.name, 'NoSuchBucket');
      assert.equal(e.$metadata?.httpStatusCode, 404);
      return true;
    });
    await s3.send(new HeadBucketCommand({ Bucket: 'bucket' }));
    await assert.rejects(s3.send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })), (e: Error) => e.name === 'NotFound');
  });
});
