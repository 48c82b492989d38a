import { randomUUID } from 'node:crypto';
import type { Operations } from '../service.ts';
import { pickMembers } from '../paging.ts';
import type { Transaction } from '../state/store.ts';
import { outputColumns, type OutputColumn } from './dataset-columns.ts';
import { alreadyExists, invalid } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { parseArn, seconds, type DataSetRecord } from './records.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

const STORED = [
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
  'PerformanceConfiguration',
  'UseAs',
  'DataPrepConfiguration',
  'SemanticModelConfiguration',
] as const;

const pick = (input: Record<string, unknown>) => pickMembers(input, STORED);

/** Checks the data set's references (data sources, parent data sets, columns) and works out its columns. */
async function resolveColumns(state: QuickSightState, properties: Record<string, any>, tx: Transaction): Promise<OutputColumn[]> {
  const physical: Record<string, any> = properties.PhysicalTableMap ?? {};
  for (const [id, table] of Object.entries(physical)) {
    const source = table.RelationalTable ?? table.CustomSql ?? table.S3Source ?? {};
    const arn: string | undefined = source.DataSourceArn;
    const parsed = arn ? parseArn(arn) : undefined;
    if (!arn || parsed?.kind !== 'datasource' || parsed.account !== state.account || !(await state.get('datasource', parsed.id, tx)))
      throw invalid(`PhysicalTableMap.${id}: data source ${arn ?? '(none)'} does not exist in account ${state.account}, region ${state.region}.`);
  }
  const parents = new Map<string, OutputColumn[]>();
  for (const table of Object.values<any>(properties.LogicalTableMap ?? {})) {
    const arn: string | undefined = table.Source?.DataSetArn;
    const parsed = arn ? parseArn(arn) : undefined;
    if (arn && parsed?.kind === 'dataset') {
      const parent = await state.get('dataset', parsed.id, tx);
      if (parent) parents.set(arn, parent.outputColumns);
    }
  }
  return outputColumns(physical, properties.LogicalTableMap, (arn) => parents.get(arn));
}

function ingestion(record: DataSetRecord) {
  if (record.properties.ImportMode !== 'SPICE') return {};
  const IngestionId = randomUUID();
  return { IngestionId, IngestionArn: `${record.arn}/ingestion/${IngestionId}` };
}

function describe(record: DataSetRecord) {
  return {
    Arn: record.arn,
    DataSetId: record.id,
    ...record.properties,
    OutputColumns: record.outputColumns,
    ConsumedSpiceCapacityInBytes: 0,
    DataSetUsageConfiguration: record.properties.DataSetUsageConfiguration ?? { DisableUseAsDirectQuerySource: false, DisableUseAsImportedSource: false },
    CreatedTime: seconds(record.createdTime),
    LastUpdatedTime: seconds(record.lastUpdatedTime),
  };
}

export const dataSetOperations: Operations = {
  async CreateDataSet(input: Record<string, any>, context) {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    const properties = pick(input);
    return state.transact(async (tx) => {
      if (await state.get('dataset', input.DataSetId, tx)) throw alreadyExists('dataset', input.DataSetId);
      const now = state.now();
      const record: DataSetRecord = {
        kind: 'dataset',
        id: input.DataSetId,
        arn: state.arn('dataset', input.DataSetId),
        createdTime: now,
        lastUpdatedTime: now,
        permissions,
        tags,
        properties,
        outputColumns: await resolveColumns(state, properties, tx),
        refreshSchedules: [],
      };
      state.put(tx, record);
      return { Status: 201, Arn: record.arn, DataSetId: record.id, ...ingestion(record) };
    });
  },
  async DescribeDataSet(input: { DataSetId: string }, context) {
    return { DataSet: describe(await new QuickSightState(context).require('dataset', input.DataSetId)) };
  },
  async ListDataSets(input: { MaxResults?: number; NextToken?: string }, context) {
    const { items, NextToken } = page(await new QuickSightState(context).list('dataset'), input);
    const DataSetSummaries = items.map((r) => ({
      Arn: r.arn,
      DataSetId: r.id,
      Name: r.properties.Name,
      CreatedTime: seconds(r.createdTime),
      LastUpdatedTime: seconds(r.lastUpdatedTime),
      ImportMode: r.properties.ImportMode,
      RowLevelPermissionDataSet: r.properties.RowLevelPermissionDataSet,
      RowLevelPermissionTagConfigurationApplied: !!r.properties.RowLevelPermissionTagConfiguration,
      ColumnLevelPermissionRulesApplied: !!r.properties.ColumnLevelPermissionRules,
    }));
    return { DataSetSummaries, NextToken };
  },
  async UpdateDataSet(input: Record<string, any>, context) {
    const state = new QuickSightState(context);
    const properties = pick(input);
    return state.update('dataset', input.DataSetId, async (record, tx) => {
      record.outputColumns = await resolveColumns(state, properties, tx);
      record.properties = properties;
      record.lastUpdatedTime = state.now();
      return { Arn: record.arn, DataSetId: record.id, ...ingestion(record) };
    });
  },
  async DeleteDataSet(input: { DataSetId: string }, context) {
    const state = new QuickSightState(context);
    return state.transact(async (tx) => {
      const record = await state.require('dataset', input.DataSetId, tx);
      tx.delete(state.key('dataset', record.id));
      return { Arn: record.arn, DataSetId: record.id };
    });
  },
};
