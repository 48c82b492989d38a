import { randomUUID } from 'node:crypto';
import { pickMembers } from '../paging.ts';
import type { Transaction } from '../state/store.ts';
import { outputColumns, type OutputColumn } from './dataset-columns.ts';
import { alreadyExists, invalid } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { DATA_SET_MEMBERS, parseArn, seconds, type DataSetProperties, type DataSetRecord } from './records.ts';
import type { Answer, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

/** Checks the data set's references (data sources, parent data sets, columns) and works out its columns. */
async function resolveColumns(state: QuickSightState, properties: DataSetProperties, tx: Transaction): Promise<OutputColumn[]> {
  const physical = properties.PhysicalTableMap ?? {};
  for (const [id, table] of Object.entries(physical)) {
    const arn = (table.RelationalTable ?? table.CustomSql ?? table.S3Source)?.DataSourceArn;
    const parsed = arn ? parseArn(arn) : undefined;
    if (!arn || parsed?.kind !== 'datasource' || parsed.account !== state.account || !(await state.get('datasource', parsed.id, tx)))
      throw invalid(`PhysicalTableMap.${id}: data source ${arn ?? '(none)'} does not exist in account ${state.account}, region ${state.region}.`);
  }
  const parents = new Map<string, OutputColumn[]>();
  for (const table of Object.values(properties.LogicalTableMap ?? {})) {
    const arn = table.Source?.DataSetArn;
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

function describe(record: DataSetRecord): Answer<'DescribeDataSet'>['DataSet'] {
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

export const dataSetOperations = {
  async CreateDataSet(input, context): Promise<Answer<'CreateDataSet'>> {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    const properties = pickMembers(input, DATA_SET_MEMBERS);
    return state.transact(async (tx): Promise<Answer<'CreateDataSet'>> => {
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
  async DescribeDataSet(input, context): Promise<Answer<'DescribeDataSet'>> {
    return { DataSet: describe(await new QuickSightState(context).require('dataset', input.DataSetId)) };
  },
  async ListDataSets(input, context): Promise<Answer<'ListDataSets'>> {
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
  async UpdateDataSet(input, context): Promise<Answer<'UpdateDataSet'>> {
    const state = new QuickSightState(context);
    const properties = pickMembers(input, DATA_SET_MEMBERS);
    return state.update('dataset', input.DataSetId, async (record, tx): Promise<Answer<'UpdateDataSet'>> => {
      record.outputColumns = await resolveColumns(state, properties, tx);
      record.properties = properties;
      record.lastUpdatedTime = state.now();
      return { Arn: record.arn, DataSetId: record.id, ...ingestion(record) };
    });
  },
  async DeleteDataSet(input, context): Promise<Answer<'DeleteDataSet'>> {
    const state = new QuickSightState(context);
    return state.transact(async (tx): Promise<Answer<'DeleteDataSet'>> => {
      const record = await state.require('dataset', input.DataSetId, tx);
      tx.delete(state.key('dataset', record.id));
      return { Arn: record.arn, DataSetId: record.id };
    });
  },
} satisfies QuickSightOperations;
