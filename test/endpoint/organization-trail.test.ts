import assert from 'node:assert/strict';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-glue';
import { glueTable } from '../../src/compile/glue/table.ts';
import { generateSample } from '../../src/engine/sample/generate.ts';
import type { ProjectSpec } from '../../src/language/schema/index.ts';
import { createTrailsightDatabase, runQuery } from './athena-helpers.ts';
import { ACCOUNT, clients, removeDir, startTestEndpoint, stopTestEndpoint, tempDir } from './helpers.ts';

const ORG = 'o-a1b2c3d4e5';

/**
 * An organization trail's files are under `AWSLogs/o-…/<account>/`: the Glue table finds them only
 * when the Project names the organization, on AWS and, since the local target serves the logs as S3
 * holds them, locally too.
 */
describe('organization trails: the compiled table reads AWSLogs/o-…/ exactly when the Project says so', function () {
  this.timeout(120_000);
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>> | undefined;
  let logs: string;
  let sdk: ReturnType<typeof clients>;

  before(async () => {
    logs = await tempDir('org-logs');
    await generateSample({ out: logs, events: 500, days: 2, accounts: [ACCOUNT], regions: ['us-east-1'], endDay: '2026-12-01' });
    await mkdir(join(logs, 'AWSLogs', ORG));
    await rename(join(logs, 'AWSLogs', ACCOUNT), join(logs, 'AWSLogs', ORG, ACCOUNT));
    endpoint = await startTestEndpoint({ s3Mounts: [{ bucket: 'org-bucket', prefix: 'trail/AWSLogs/', dir: join(logs, 'AWSLogs') }] });
    sdk = clients(endpoint.url);
    await createTrailsightDatabase(sdk);
  });
  after(async () => {
    await stopTestEndpoint(endpoint);
    await removeDir(logs);
  });

  const project = (organizationId?: string) =>
    ({
      glue: { database: 'trailsight', table: 'cloudtrail_logs' },
      source: {
        bucket: 'org-bucket',
        prefix: 'trail/',
        accounts: [ACCOUNT],
        regions: ['us-east-1'],
        firstDay: '2026-11-25',
        ...(organizationId ? { organizationId } : {}),
      },
    }) as ProjectSpec;

  async function count(organizationId?: string): Promise<string | null | undefined> {
    await sdk.glue.send(new DeleteTableCommand({ DatabaseName: 'trailsight', Name: 'cloudtrail_logs' })).catch(() => undefined);
    const input = glueTable({ project: project(organizationId), database: 'trailsight' });
    await sdk.glue.send(new CreateTableCommand(input));
    const { execution, rows } = await runQuery(sdk.athena, 'SELECT count(*) FROM cloudtrail_logs', { database: 'trailsight' });
    assert.equal(execution.Status?.State, 'SUCCEEDED', execution.Status?.StateChangeReason);
    return rows[0]?.[0];
  }

  it("the table's Location and template name the organization", () => {
    const input = glueTable({ project: project(ORG), database: 'trailsight' });
    assert.equal(input.TableInput?.StorageDescriptor?.Location, `s3://org-bucket/trail/AWSLogs/${ORG}/`);
    assert.equal(
      input.TableInput?.Parameters?.['storage.location.template'],
      `s3://org-bucket/trail/AWSLogs/${ORG}/\${account}/CloudTrail/\${region}/\${timestamp}`,
    );
  });

  it("without source.organizationId the table finds none of the organization's files; with it, all of them", async () => {
    assert.equal(await count(), '0');
    assert.equal(await count(ORG), '500');
  });
});
