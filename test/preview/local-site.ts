import { AthenaClient, CreateWorkGroupCommand } from '@aws-sdk/client-athena';
import { CreateDatabaseCommand, CreateTableCommand, GlueClient } from '@aws-sdk/client-glue';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateFolderCommand,
  CreateFolderMembershipCommand,
  CreateThemeCommand,
  DescribeDashboardCommand,
  QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface LocalAccount {
  readonly dir: string;
  readonly account: string;
  readonly quicksight: QuickSightClient;
  readonly athena: AthenaClient;
  readonly glue: GlueClient;
  readonly dashboardIds: string[];
  close(): Promise<void>;
}

/**
 * The repository's `dashboards/` published on the local endpoint over generated sample logs
 * (plus the hostile log), with the SDK: the requests `compile()` gives, sent in order.
 * Resolves to undefined, with the reason, when a stage it needs is not in the tree yet.
 */
export async function publishLocally(options: {
  hostile: (root: string, at: { account: string; region: string; time: Date }) => Promise<void>;
}): Promise<LocalAccount | string> {
  const endpoint = await optionalImport<typeof import('../../src/endpoint/index.ts')>('../../src/endpoint/index.ts');
  const engine = await optionalImport<typeof import('../../src/engine/index.ts')>('../../src/engine/index.ts');
  const compiler = await optionalImport<typeof import('../../src/compile/index.ts')>('../../src/compile/index.ts');
  const kinds = await optionalImport<typeof import('../../src/kinds/index.ts')>('../../src/kinds/index.ts');
  const spec = await optionalImport<typeof import('../../src/language/index.ts')>('../../src/language/index.ts');
  if (!endpoint?.startEndpoint) return 'the local endpoint (src/endpoint startEndpoint) is not built yet';
  if (!engine?.generateSample) return 'the sample generator (src/engine generateSample) is not built yet';
  if (!kinds?.compile || !compiler?.resolveTarget) return 'the compiler (src/kinds compile) is not built yet';
  if (!spec?.loadSpecs) return 'the spec loader (src/language loadSpecs) is not built yet';

  const loaded = await spec.loadSpecs([join(REPO, 'dashboards')]);
  if (!loaded.checked) return `dashboards/ does not lint: ${loaded.findings.map((f) => spec.formatFinding(f)).join('; ')}`;
  const project = loaded.checked.project.spec;
  const target = compiler.resolveTarget(project);
  const resources = kinds.compile(loaded.checked, target);

  const dir = await mkdtemp(join(tmpdir(), 'trailsight-preview-'));
  const s3Root = join(dir, 's3');
  const logsRoot = join(s3Root, project.source.bucket, ...(project.source.prefix ?? '').split('/').filter(Boolean));
  const today = new Date().toISOString().slice(0, 10);
  const accounts = project.source.accounts ?? [target.account];
  const regions = project.source.regions ?? [target.region];
  await engine.generateSample({ out: logsRoot, events: 3000, days: 3, seed: 7, endDay: today, accounts, regions });
  await options.hostile(logsRoot, { account: accounts[0]!, region: regions[0]!, time: new Date(Date.parse(`${today}T06:30:00Z`)) });

  const running = await endpoint.startEndpoint({
    stateDir: join(dir, 'state'),
    s3Root,
    account: target.account,
    region: target.region,
    creationDelayMs: 20,
    log: () => {},
  });
  const config = { region: target.region, endpoint: running.url, credentials: CREDENTIALS, maxAttempts: 5 };
  const quicksight = new QuickSightClient(config);
  const athena = new AthenaClient(config);
  const glue = new GlueClient(config);
  const dashboardIds: string[] = [];
  const close = async () => {
    for (const client of [quicksight, athena, glue]) client.destroy();
    await running.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const resource of resources) {
      switch (resource.operation) {
        case 'CreateDatabase':
          await glue.send(new CreateDatabaseCommand(resource.input));
          break;
        case 'CreateTable':
          await glue.send(new CreateTableCommand(resource.input));
          break;
        case 'CreateWorkGroup':
          await athena.send(new CreateWorkGroupCommand(resource.input));
          break;
        case 'CreateDataSource':
          await quicksight.send(new CreateDataSourceCommand(resource.input));
          break;
        case 'CreateTheme':
          await quicksight.send(new CreateThemeCommand(resource.input));
          break;
        case 'CreateDataSet':
          await quicksight.send(new CreateDataSetCommand(resource.input));
          break;
        case 'CreateAnalysis':
          await quicksight.send(new CreateAnalysisCommand(resource.input));
          break;
        case 'CreateFolder':
          await quicksight.send(new CreateFolderCommand(resource.input));
          for (const m of resource.members) {
            await quicksight.send(
              new CreateFolderMembershipCommand({ AwsAccountId: target.account, FolderId: resource.id, MemberId: m.id, MemberType: m.type }),
            );
          }
          break;
        case 'CreateDashboard':
          await quicksight.send(new CreateDashboardCommand(resource.input));
          dashboardIds.push(resource.input.DashboardId!);
          break;
      }
    }
    for (const id of dashboardIds) await waitForDashboard(quicksight, target.account, id);
  } catch (error) {
    await close();
    throw error;
  }
  return { dir, account: target.account, quicksight, athena, glue, dashboardIds: dashboardIds.sort(), close };
}

async function waitForDashboard(quicksight: QuickSightClient, account: string, id: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { Dashboard } = await quicksight.send(new DescribeDashboardCommand({ AwsAccountId: account, DashboardId: id }));
    const status = Dashboard?.Version?.Status;
    if (status === 'CREATION_SUCCESSFUL' || status === 'UPDATE_SUCCESSFUL') return;
    if (status?.endsWith('FAILED')) throw new Error(`dashboard ${id}: ${status} ${JSON.stringify(Dashboard?.Version?.Errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`dashboard ${id} did not finish creating`);
}

async function optionalImport<T>(path: string): Promise<T | undefined> {
  try {
    return (await import(new URL(path, import.meta.url).href)) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}
