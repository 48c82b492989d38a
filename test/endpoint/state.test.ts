import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { CreateWorkGroupCommand, GetWorkGroupCommand } from '@aws-sdk/client-athena';
import { CreateDatabaseCommand, GetDatabaseCommand } from '@aws-sdk/client-glue';
import {
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeDashboardCommand,
  DescribeDataSetCommand,
  ListDataSetsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-quicksight';
import { arn, dataSetInput, dataSourceInput, definition } from './fixtures.ts';
import { ACCOUNT, clients, poll, removeDir, startTestEndpoint, stopTestEndpoint, tempDir } from './helpers.ts';

const REPO = new URL('../../', import.meta.url).pathname;

/** `trailsight serve` in its own process; resolves with its URL once it prints it. */
async function serveProcess(stateDir: string, s3Root: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(REPO, 'bin/trailsight.js'), 'serve', '--port', '0', '--state', stateDir, '--s3-root', s3Root, '--account', ACCOUNT, '--creation-delay-ms', '50'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  const deadline = Date.now() + 30000;
  while (!/^http:\/\/\S+\n/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`trailsight serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: out.split('\n')[0], child };
}

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(e.parentPath, e.name));
}

describe('endpoint: state persists and is shared safely', () => {
  const A = { AwsAccountId: ACCOUNT };

  it('survives a restart: QuickSight, Glue and Athena resources are still there', async () => {
    const stateDir = await tempDir('state');
    const s3Root = await tempDir('s3');
    try {
      const first = await startTestEndpoint({ stateDir, s3Root });
      let sdk = clients(first.url);
      await sdk.quicksight.send(new CreateDataSourceCommand(dataSourceInput()));
      await sdk.quicksight.send(new CreateDataSetCommand(dataSetInput('events')));
      await sdk.quicksight.send(
        new CreateDashboardCommand({ ...A, DashboardId: 'ec2', Name: 'EC2', Definition: definition(), Tags: [{ Key: 'k', Value: 'v' }] }),
      );
      await sdk.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'security' } }));
      await sdk.athena.send(new CreateWorkGroupCommand({ Name: 'trailsight', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/' } } }));
      await stopTestEndpoint(first);

      const second = await startTestEndpoint({ stateDir, s3Root });
      sdk = clients(second.url);
      assert.equal((await sdk.quicksight.send(new DescribeDataSetCommand({ ...A, DataSetId: 'events' }))).DataSet?.Name, 'Events events');
      // A creation still in progress when the first server stopped finishes on the second.
      const dashboard = await poll(
        () => sdk.quicksight.send(new DescribeDashboardCommand({ ...A, DashboardId: 'ec2' })),
        (d) => d.Dashboard?.Version?.Status !== 'CREATION_IN_PROGRESS',
      );
      assert.equal(dashboard.Dashboard?.Version?.Status, 'CREATION_SUCCESSFUL');
      assert.deepEqual((await sdk.quicksight.send(new ListTagsForResourceCommand({ ResourceArn: arn('dashboard', 'ec2') }))).Tags, [{ Key: 'k', Value: 'v' }]);
      assert.equal((await sdk.glue.send(new GetDatabaseCommand({ Name: 'security' }))).Database?.Name, 'security');
      assert.equal(
        (await sdk.athena.send(new GetWorkGroupCommand({ WorkGroup: 'trailsight' }))).WorkGroup?.Configuration?.ResultConfiguration?.OutputLocation,
        's3://results/',
      );
      await stopTestEndpoint(second);
    } finally {
      await removeDir(stateDir);
      await removeDir(s3Root);
    }
  });

  it('two servers (two processes) on one state directory: no lost writes, one winner per id, every file intact', async function () {
    this.timeout(120000);
    const stateDir = await tempDir('state');
    const s3Root = await tempDir('s3');
    const inProcess = await startTestEndpoint({ stateDir, s3Root });
    const other = await serveProcess(stateDir, s3Root);
    try {
      const a = clients(inProcess.url).quicksight;
      const b = clients(other.url).quicksight;
      await a.send(new CreateDataSourceCommand(dataSourceInput()));
      const creates = [];
      for (let i = 0; i < 15; i++) {
        creates.push(a.send(new CreateDataSetCommand(dataSetInput(`from-a-${i}`))));
        creates.push(b.send(new CreateDataSetCommand(dataSetInput(`from-b-${i}`))));
        // Both servers race to create the same data set: exactly one may win.
        creates.push(
          a.send(new CreateDataSetCommand(dataSetInput(`contended-${i}`))).then(
            () => 'won',
            (e: Error) => e.name,
          ),
        );
        creates.push(
          b.send(new CreateDataSetCommand(dataSetInput(`contended-${i}`))).then(
            () => 'won',
            (e: Error) => e.name,
          ),
        );
      }
      const outcomes = await Promise.all(creates);
      const contended = outcomes.filter((o) => typeof o === 'string');
      assert.equal(contended.filter((o) => o === 'won').length, 15);
      assert.equal(contended.filter((o) => o === 'ResourceExistsException').length, 15);

      const listed = (await b.send(new ListDataSetsCommand(A))).DataSetSummaries?.map((s) => s.DataSetId) ?? [];
      assert.equal(listed.length, 45);
      for (const file of await jsonFiles(stateDir)) JSON.parse(await readFile(file, 'utf8'));
    } finally {
      other.child.kill('SIGTERM');
      await once(other.child, 'exit');
      await stopTestEndpoint(inProcess);
      await removeDir(stateDir);
      await removeDir(s3Root);
    }
  });
});
