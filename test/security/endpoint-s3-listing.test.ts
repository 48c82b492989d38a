import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { REGION, removeDir, startTestEndpoint, stopTestEndpoint, tempDir, TEST_CREDENTIALS } from '../endpoint/helpers.ts';

/**
 * The endpoint lists S3 keys from folders on this machine, for any local process or web page that
 * can reach it: a listing must never show a file outside the S3 root and the mounts.
 */
describe('security: S3 listings stay inside the S3 root and the mounts', function () {
  this.timeout(30_000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>> | undefined;
  let s3Root: string;
  let outside: string;
  let s3: S3Client;

  before(async () => {
    s3Root = await tempDir('s3-sec');
    outside = await tempDir('s3-sec-outside');
    await writeFile(join(outside, 'id_rsa'), 'secret');
    await mkdir(join(outside, 'nested'));
    await writeFile(join(outside, 'nested', 'passwords.txt'), 'secret');
    await mkdir(join(s3Root, 'bucket', 'folder'), { recursive: true });
    await writeFile(join(s3Root, 'bucket', 'folder', 'ok.json'), '{}');
    await symlink(outside, join(s3Root, 'bucket', 'folder', 'linked-dir'));
    await symlink(join(outside, 'id_rsa'), join(s3Root, 'bucket', 'linked-file'));
    await symlink(outside, join(s3Root, 'linked-bucket'));
    endpoint = await startTestEndpoint({ s3Root });
    s3 = new S3Client({ endpoint: endpoint.url, region: REGION, credentials: TEST_CREDENTIALS, forcePathStyle: true });
  });
  after(async () => {
    s3?.destroy();
    await stopTestEndpoint(endpoint);
    await removeDir(s3Root);
    await removeDir(outside);
  });

  const list = async (Bucket: string, Prefix?: string) => ((await s3.send(new ListObjectsV2Command({ Bucket, Prefix }))).Contents ?? []).map((c) => c.Key);

  it('links to files or folders outside are not listed, at any depth', async () => {
    assert.deepEqual(await list('bucket'), ['folder/ok.json']);
    assert.deepEqual(await list('bucket', 'folder/linked-dir/'), []);
  });

  it('a bucket folder that is a link lists nothing', async () => {
    assert.deepEqual(await list('linked-bucket'), []);
  });

  it('dot segments in a prefix are names, never a way up', async () => {
    assert.deepEqual(await list('bucket', '../'), []);
    assert.deepEqual(await list('bucket', 'folder/../../'), []);
  });

  it('a raw request for a key path or another operation is refused as not implemented, never served', async () => {
    const url = endpoint?.url ?? '';
    for (const path of ['/bucket/folder/ok.json', '/bucket/..%2F..%2Fetc%2Fpasswd', '/', '/bucket?acl']) {
      const response = await fetch(`${url}${path}`, {
        headers: {
          authorization: `AWS4-HMAC-SHA256 Credential=${TEST_CREDENTIALS.accessKeyId}/20261207/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00`,
        },
      });
      const body = await response.text();
      assert.ok(response.status >= 400, `${path}: ${response.status}`);
      assert.doesNotMatch(body, /secret|\{\}/, path);
    }
  });
});
