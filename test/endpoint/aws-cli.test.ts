import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { ACCOUNT, REGION, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

const run = promisify(execFile);

/** The AWS CLI, if installed: anything an SDK client can do to the endpoint, the CLI can too. */
function awsCli(): boolean {
  const probe = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  return probe.status === 0;
}

describe('endpoint: the AWS CLI talks to it with --endpoint-url', function () {
  this.timeout(120000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;

  before(async function () {
    if (!awsCli()) {
      console.log('    (skipped: the AWS CLI is not installed — `apt-get install -y awscli` to run this test)');
      this.skip();
    }
    endpoint = await startTestEndpoint({
      trails: [
        {
          trail: {
            Name: 'main',
            TrailARN: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`,
            HomeRegion: REGION,
            S3BucketName: 'trail-bucket',
            IsMultiRegionTrail: true,
          },
          status: { IsLogging: true },
        },
      ],
    });
  });
  after(() => stopTestEndpoint(endpoint));

  const aws = async (...args: string[]) => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'AKIDCLI',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_DEFAULT_REGION: REGION,
      AWS_PAGER: '',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
    const { stdout } = await run('aws', ['--endpoint-url', endpoint.url, '--output', 'json', ...args], { env });
    return stdout.trim() ? JSON.parse(stdout) : {};
  };

  it('STS, Glue, Athena and QuickSight commands succeed and errors carry AWS error codes', async () => {
    assert.equal((await aws('sts', 'get-caller-identity')).Account, ACCOUNT);
    await aws('glue', 'create-database', '--database-input', '{"Name":"security"}');
    assert.deepEqual(
      (await aws('glue', 'get-databases')).DatabaseList.map((d: { Name: string }) => d.Name),
      ['security'],
    );
    const { QueryExecutionId } = await aws(
      'athena',
      'start-query-execution',
      '--query-string',
      'SELECT 42 AS answer',
      '--result-configuration',
      'OutputLocation=s3://results/',
    );
    assert.match(QueryExecutionId, /^[0-9a-f-]{36}$/);
    await aws(
      'quicksight',
      'create-data-source',
      '--aws-account-id',
      ACCOUNT,
      '--data-source-id',
      'cloudtrail',
      '--name',
      'CloudTrail',
      '--type',
      'ATHENA',
      '--data-source-parameters',
      '{"AthenaParameters":{"WorkGroup":"primary"}}',
    );
    const described = await aws('quicksight', 'describe-data-source', '--aws-account-id', ACCOUNT, '--data-source-id', 'cloudtrail');
    assert.equal(described.DataSource.Name, 'CloudTrail');
    assert.equal(described.Status, 200);
    await assert.rejects(
      aws('quicksight', 'describe-dashboard', '--aws-account-id', ACCOUNT, '--dashboard-id', 'missing'),
      (error: Error & { stderr?: string }) => {
        assert.match(String(error.stderr), /ResourceNotFoundException/);
        return true;
      },
    );
  });

  it("CloudTrail and S3 read calls (what doctor asks) work from the CLI too: botocore's target prefix and a path-style listing", async () => {
    const trails = await aws('cloudtrail', 'describe-trails');
    assert.deepEqual(
      trails.trailList.map((t: { Name: string }) => t.Name),
      ['main'],
    );
    assert.equal((await aws('cloudtrail', 'get-trail-status', '--name', 'main')).IsLogging, true);
    await assert.rejects(aws('cloudtrail', 'get-event-selectors', '--trail-name', 'main'), (error: Error & { stderr?: string }) => {
      assert.match(String(error.stderr), /UnsupportedOperationException/);
      return true;
    });
    await assert.rejects(aws('s3api', 'list-objects-v2', '--bucket', 'no-such-bucket'), (error: Error & { stderr?: string }) => {
      assert.match(String(error.stderr), /NoSuchBucket/);
      return true;
    });
  });
});
