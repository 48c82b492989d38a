import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadModel, type AwsModel } from '../../src/awsmodel/index.ts';

/**
 * The real QuickSight definitions of test/quicksight/corpus/ (see its README: source, commit,
 * licence), as requests to the local endpoint in `account`/`region`: the data sets each needs
 * (CreateDataSet inputs, their data sources ours) and the definition (its data set ARNs ours),
 * otherwise exactly as published.
 */
export interface CorpusEntry {
  /** `cid/cora`, `security-lake/custodian#SecurityCustodianDashboard`. */
  readonly name: string;
  /** What the source publishes it as. */
  readonly kind: 'dashboard' | 'analysis';
  readonly dataSets: Record<string, any>[];
  readonly definition: Record<string, any>;
  /** What the publisher asks of QuickSight's validation (CID deploys with LENIENT). */
  readonly validationStrategy?: { Mode: 'STRICT' | 'LENIENT' };
  /** The output columns QuickSight recorded for each data set, by id, where the source has them. */
  readonly recordedOutputColumns: Record<string, { Name: string; Type: string }[]>;
}

export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

/** CreateDataSet's members (what a DescribeDataSet output gives back as input). */
const CREATE_DATA_SET = [
  'DataSetId',
  'Name',
  'PhysicalTableMap',
  'LogicalTableMap',
  'ImportMode',
  'ColumnGroups',
  'FieldFolders',
  'RowLevelPermissionDataSet',
  'RowLevelPermissionTagConfiguration',
  'ColumnLevelPermissionRules',
  'DataSetUsageConfiguration',
  'DatasetParameters',
  'UseAs',
];

export function loadCorpus(options: { account: string; region: string; dataSourceArn: string }): CorpusEntry[] {
  const model = loadModel('quicksight');
  return readCorpus(options).map((entry) => ({
    ...entry,
    definition: model ? (withDates(model, 'AnalysisDefinition', entry.definition) as Record<string, any>) : entry.definition,
  }));
}

/**
 * The value with its timestamps (ISO text in an export) as the Date objects the SDK takes and gives
 * back, found by the shapes of QuickSight's model.
 */
function withDates(model: AwsModel, shapeName: string, value: unknown): unknown {
  const shape = model.shapes[shapeName];
  if (!shape || value === null || value === undefined) return value;
  if (shape.type === 'timestamp')
    return typeof value === 'string' || typeof value === 'number' ? new Date(typeof value === 'number' ? value * 1000 : value) : value;
  if (shape.type === 'list' && Array.isArray(value)) return value.map((item) => withDates(model, shape.member!.shape, item));
  if (shape.type === 'map' && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDates(model, shape.value!.shape, v)]));
  if (shape.type === 'structure' && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape.members?.[k] ? withDates(model, shape.members[k].shape, v) : v]));
  }
  return value;
}

function readCorpus(options: { account: string; region: string; dataSourceArn: string }): CorpusEntry[] {
  const dataSetArn = (id: string) => `arn:aws:quicksight:${options.region}:${options.account}:dataset/${id}`;
  const entries: CorpusEntry[] = [];
  for (const file of readdirSync(join(CORPUS_DIR, 'cid'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    // Placeholders the CID tool fills in: the Athena data source and database.
    const text = readFileSync(join(CORPUS_DIR, 'cid', file), 'utf8')
      .replaceAll('${athena_datasource_arn}', options.dataSourceArn)
      .replaceAll('${athena_database_name}', 'cid');
    const resources = parse(text, { maxAliasCount: -1, uniqueKeys: false }) as {
      dashboards: Record<string, { data?: string }>;
      datasets?: Record<string, { data: Record<string, any> }>;
    };
    const dataSets = Object.values(resources.datasets ?? {}).map(({ data }) => pick(data, CREATE_DATA_SET));
    for (const [key, dashboard] of Object.entries(resources.dashboards)) {
      if (typeof dashboard.data !== 'string') continue;
      const definition = JSON.parse(JSON.stringify(parse(dashboard.data)).replaceAll('arn:aws:quicksight:::dataset/', dataSetArn(''))) as Record<string, any>;
      entries.push({
        name: `cid/${file.replace(/\.yaml$/, '')}${Object.keys(resources.dashboards).length > 1 ? `#${key}` : ''}`,
        kind: 'dashboard',
        dataSets,
        definition,
        validationStrategy: { Mode: 'LENIENT' },
        recordedOutputColumns: {},
      });
    }
  }
  // Exports of a QuickSight account: DataSetArns with `<aws-region>:<aws-account>` (the tool's placeholders) or the exporter's.
  for (const file of readdirSync(join(CORPUS_DIR, 'security-lake'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const bundle = JSON.parse(readFileSync(join(CORPUS_DIR, 'security-lake', file), 'utf8')) as {
      dashboards: Record<string, { Definition: Record<string, any> }>;
      analyses: Record<string, { Definition: Record<string, any> }>;
      datasets: Record<string, Record<string, any>>;
    };
    const local = (text: string) =>
      text
        .replace(/arn:aws:quicksight:[^:"]*:[^:"]*:datasource\/[\w-]+/g, options.dataSourceArn)
        .replace(/arn:aws:quicksight:[^:"]*:[^:"]*:dataset\//g, dataSetArn(''));
    const dataSets = Object.values(bundle.datasets).map((d) => JSON.parse(local(JSON.stringify(pick(d, CREATE_DATA_SET)))) as Record<string, any>);
    const recordedOutputColumns = Object.fromEntries(
      Object.values(bundle.datasets).map((d) => [d.DataSetId as string, d.OutputColumns as { Name: string; Type: string }[]]),
    );
    for (const kind of ['dashboard', 'analysis'] as const) {
      for (const [key, exported] of Object.entries(kind === 'dashboard' ? bundle.dashboards : bundle.analyses)) {
        entries.push({
          name: `security-lake/${file.replace(/-config\.json$/, '')}#${key}`,
          kind,
          dataSets,
          definition: JSON.parse(local(JSON.stringify(exported.Definition))),
          recordedOutputColumns,
        });
      }
    }
  }
  return entries;
}

function pick(value: Record<string, any>, keys: readonly string[]): Record<string, any> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]));
}
