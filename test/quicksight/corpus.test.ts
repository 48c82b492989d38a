import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeAnalysisCommand,
  DescribeAnalysisDefinitionCommand,
  DescribeDashboardCommand,
  DescribeDashboardDefinitionCommand,
  DescribeDataSetCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { findModelsDir } from '../../src/awsmodel/index.ts';
import { outputColumns, type OutputColumn } from '../../src/endpoint/quicksight/dataset-columns.ts';
import { checkDefinition, type DataSetColumn } from '../../src/quicksight/index.ts';
import { ACCOUNT, REGION, clients, failure, poll, startTestEndpoint, stopTestEndpoint } from '../endpoint/helpers.ts';
import { loadCorpus, type CorpusEntry } from './corpus.ts';
import { variantsOf, type ColumnTypes } from './corpus-variants.ts';

const DATA_SOURCE_ARN = `arn:aws:quicksight:${REGION}:${ACCOUNT}:datasource/corpus`;
const corpus = loadCorpus({ account: ACCOUNT, region: REGION, dataSourceArn: DATA_SOURCE_ARN });

/** The output columns of each corpus data set, by ARN, as the endpoint works them out (calculated columns untyped, as it gives them to the rules). */
function dataSetColumns(entry: CorpusEntry): Map<string, DataSetColumn[]> {
  const columns = new Map<string, DataSetColumn[]>();
  for (const dataSet of entry.dataSets) {
    const calculated = new Set<string>(
      Object.values<any>(dataSet.LogicalTableMap ?? {}).flatMap((t) =>
        (t.DataTransforms ?? []).flatMap((x: any) => (x.CreateColumnsOperation?.Columns ?? []).map((c: any) => c.ColumnName)),
      ),
    );
    const output: OutputColumn[] = outputColumns(dataSet.PhysicalTableMap, dataSet.LogicalTableMap, () => undefined);
    columns.set(
      `arn:aws:quicksight:${REGION}:${ACCOUNT}:dataset/${dataSet.DataSetId}`,
      output.map((c) => ({ name: c.Name, ...(calculated.has(c.Name) ? {} : { type: c.Type }) })),
    );
  }
  return columns;
}

function columnTypes(entry: CorpusEntry): ColumnTypes {
  const columns = dataSetColumns(entry);
  const arns = new Map<string, string>((entry.definition.DataSetIdentifierDeclarations ?? []).map((d: any) => [d.Identifier, d.DataSetArn]));
  return (identifier) => new Map((columns.get(arns.get(identifier) ?? '') ?? []).flatMap((c) => (c.type ? [[c.name, c.type] as const] : [])));
}

const variants = variantsOf(corpus, columnTypes);

describe('the QuickSight corpus (test/quicksight/corpus): real definitions others wrote, and broken variants of them', function () {
  this.timeout(120000);

  it(`holds ${corpus.length} real definitions (of ${new Set(corpus.map((e) => e.name.split('/')[0])).size} repositories)`, () => {
    const count = (key: string) =>
      corpus.reduce(
        (n, e) =>
          n +
          (key === 'Visuals' ? (e.definition.Sheets ?? []).reduce((m: number, s: any) => m + (s.Visuals?.length ?? 0), 0) : (e.definition[key]?.length ?? 0)),
        0,
      );
    const types = new Set(corpus.flatMap((e) => (e.definition.Sheets ?? []).flatMap((s: any) => (s.Visuals ?? []).map((v: object) => Object.keys(v)[0]))));
    console.log(
      `      ${corpus.length} definitions: ${count('Visuals')} visuals of ${types.size} types, ${count('FilterGroups')} filter groups, ${count('ParameterDeclarations')} parameters, ${count('CalculatedFields')} calculated fields`,
    );
    assert.ok(corpus.length >= 10);
  });

  describe("QuickSight's rules (src/quicksight, as lint and the endpoint apply them)", () => {
    for (const entry of corpus) {
      it(`find nothing wrong with ${entry.name}${entry.validationStrategy ? ` (${entry.validationStrategy.Mode})` : ''}`, () => {
        const columns = dataSetColumns(entry);
        const lenient = entry.validationStrategy?.Mode === 'LENIENT';
        const found = checkDefinition(entry.definition, (arn) => columns.get(arn)).filter((v) => !(lenient && v.lenient));
        assert.deepEqual(
          found.map((v) => `${v.entity}: ${v.message}`),
          [],
        );
      });
    }
    for (const { variant, entry, definition } of variants) {
      if (!('creation' in variant.refusal)) continue;
      const { creation, entity } = variant.refusal;
      it(`find ${creation} in ${variant.name} (from ${entry.name}; ${variant.evidence})`, () => {
        const columns = dataSetColumns(entry);
        const found = checkDefinition(definition, (arn) => columns.get(arn));
        assert.ok(
          found.some((v) => v.type === creation && entity.test(v.entity)),
          found.map((v) => `${v.type} ${v.entity}: ${v.message}`).join('\n') || 'nothing found',
        );
      });
    }
  });

  describe('the local endpoint, through the SDK over HTTP', () => {
    let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
    let qs: QuickSightClient;
    const A = { AwsAccountId: ACCOUNT };

    before(async function () {
      if (!findModelsDir()) return this.skip();
      endpoint = await startTestEndpoint({ creationDelayMs: 5 });
      qs = clients(endpoint.url).quicksight;
      await qs.send(
        new CreateDataSourceCommand({
          ...A,
          DataSourceId: 'corpus',
          Name: 'Corpus',
          Type: 'ATHENA',
          DataSourceParameters: { AthenaParameters: { WorkGroup: 'primary' } },
        }),
      );
      const created = new Set<string>();
      for (const entry of corpus) {
        for (const dataSet of entry.dataSets) {
          if (created.has(dataSet.DataSetId)) continue;
          created.add(dataSet.DataSetId);
          await qs.send(new CreateDataSetCommand({ ...A, ...dataSet } as never));
        }
      }
    });
    after(() => stopTestEndpoint(endpoint));

    it("takes every data set as QuickSight did, with the output columns QuickSight recorded (BOOLEAN input columns INTEGER, 'usage' projected from 'Usage')", async () => {
      for (const entry of corpus) {
        for (const [id, recorded] of Object.entries(entry.recordedOutputColumns)) {
          const described = await qs.send(new DescribeDataSetCommand({ ...A, DataSetId: id }));
          assert.deepEqual(
            described.DataSet?.OutputColumns?.map((c) => [c.Name, c.Type]),
            recorded.map((c) => [c.Name, c.Type]),
            `${entry.name}: data set ${id}`,
          );
        }
      }
    });

    corpus.forEach((entry, i) => {
      it(`creates ${entry.name} (${entry.kind}) and returns its definition unchanged`, async () => {
        const strategy = entry.validationStrategy ? { ValidationStrategy: entry.validationStrategy } : {};
        if (entry.kind === 'analysis') {
          const AnalysisId = `corpus-${i}`;
          await qs.send(new CreateAnalysisCommand({ ...A, AnalysisId, Name: entry.name, Definition: entry.definition as never, ...strategy }));
          const described = await poll(
            () => qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId })),
            (d) => d.Analysis?.Status !== 'CREATION_IN_PROGRESS',
          );
          assert.deepEqual(described.Analysis?.Errors ?? [], []);
          assert.equal(described.Analysis?.Status, 'CREATION_SUCCESSFUL');
          assert.deepEqual((await qs.send(new DescribeAnalysisDefinitionCommand({ ...A, AnalysisId }))).Definition, entry.definition);
          return;
        }
        const DashboardId = `corpus-${i}`;
        await qs.send(new CreateDashboardCommand({ ...A, DashboardId, Name: entry.name, Definition: entry.definition as never, ...strategy }));
        const described = await poll(
          () => qs.send(new DescribeDashboardCommand({ ...A, DashboardId })),
          (d) => d.Dashboard?.Version?.Status !== 'CREATION_IN_PROGRESS',
        );
        assert.deepEqual(described.Dashboard?.Version?.Errors ?? [], []);
        assert.equal(described.Dashboard?.Version?.Status, 'CREATION_SUCCESSFUL');
        assert.deepEqual((await qs.send(new DescribeDashboardDefinitionCommand({ ...A, DashboardId }))).Definition, entry.definition);
      });
    });

    variants.forEach(({ variant, entry, definition }, i) => {
      const refusal = variant.refusal;
      const how = 'request' in refusal ? `${refusal.request}, synchronously` : `CREATION_FAILED with ${refusal.creation}`;
      it(`refuses ${variant.name} (from ${entry.name}; ${variant.evidence}): ${how}`, async () => {
        const AnalysisId = `variant-${i}`;
        const create = qs.send(new CreateAnalysisCommand({ ...A, AnalysisId, Name: variant.name, Definition: definition as never }));
        if ('request' in refusal) {
          const error = await failure(create);
          assert.equal(error.name, refusal.request);
          assert.equal(error.$metadata?.httpStatusCode, 400);
          assert.match(error.message, refusal.message);
          return;
        }
        await create;
        const described = await poll(
          () => qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId })),
          (d) => d.Analysis?.Status !== 'CREATION_IN_PROGRESS',
        );
        assert.equal(described.Analysis?.Status, 'CREATION_FAILED');
        const errors = (await qs.send(new DescribeAnalysisDefinitionCommand({ ...A, AnalysisId }))).Errors ?? [];
        assert.ok(
          errors.some((e) => String(e.Type) === refusal.creation && (e.ViolatedEntities ?? []).some((v) => refusal.entity.test(v.Path ?? ''))),
          errors.map((e) => `${e.Type} ${e.ViolatedEntities?.map((v) => v.Path).join(',')}: ${e.Message}`).join('\n'),
        );
      });
    });

    it('the AWS CLI gets the same answers (when installed)', async function () {
      if (spawnSync('aws', ['--version']).status !== 0) {
        console.log('      (skipped: the AWS CLI is not installed)');
        return this.skip();
      }
      const dir = await mkdtemp(join(tmpdir(), 'trailsight-corpus-cli-'));
      const run = promisify(execFile);
      const env = {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'AKIDCLI',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_DEFAULT_REGION: REGION,
        AWS_PAGER: '',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      };
      const aws = async (...args: string[]) =>
        JSON.parse(
          (
            await run('aws', ['--endpoint-url', endpoint.url, '--output', 'json', 'quicksight', ...args, '--aws-account-id', ACCOUNT], {
              env,
              maxBuffer: 64 << 20,
            })
          ).stdout || '{}',
        );
      try {
        const entry = corpus.find((e) => e.name.startsWith('security-lake/') && e.kind === 'dashboard')!;
        await writeFile(join(dir, 'definition.json'), JSON.stringify(entry.definition));
        await aws('create-dashboard', '--dashboard-id', 'cli', '--name', 'CLI', '--definition', `file://${join(dir, 'definition.json')}`);
        await poll(
          () => aws('describe-dashboard', '--dashboard-id', 'cli'),
          (d) => d.Dashboard?.Version?.Status !== 'CREATION_IN_PROGRESS',
        );
        const described = await aws('describe-dashboard-definition', '--dashboard-id', 'cli');
        assert.equal(described.ResourceStatus, 'CREATION_SUCCESSFUL');
        assert.deepEqual(described.Definition, entry.definition);
        const { definition } = variants.find((v) => 'request' in v.variant.refusal && v.variant.refusal.request === 'ValidationException')!;
        await writeFile(join(dir, 'broken.json'), JSON.stringify(definition));
        await assert.rejects(
          aws('create-analysis', '--analysis-id', 'cli-broken', '--name', 'Broken', '--definition', `file://${join(dir, 'broken.json')}`),
          (error: Error & { stderr?: string }) => {
            assert.match(String(error.stderr), /\(ValidationException\) when calling the CreateAnalysis operation: \d+ validation errors? detected: Value /);
            return true;
          },
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
