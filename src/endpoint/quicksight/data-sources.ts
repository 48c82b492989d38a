import type * as QuickSight from '@aws-sdk/client-quicksight';
import { pickMembers } from '../paging.ts';
import type { Wire } from '../sdk-types.ts';
import { PRIMARY_WORKGROUP, workGroupKey } from '../athena/keys.ts';
import { alreadyExists, quicksightError } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { errorsOf, inProgress, startProgress, statusOf } from './progress.ts';
import { DATA_SOURCE_MEMBERS, seconds, type DataSourceRecord } from './records.ts';
import type { Answer, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

type Properties = DataSourceRecord['properties'];

/** An Athena data source must name a workgroup that exists, as QuickSight checks when it connects. */
async function connectionErrors(
  state: QuickSightState,
  properties: Pick<Properties, 'Type' | 'DataSourceParameters'>,
): Promise<Wire<QuickSight.DataSourceErrorInfo>[]> {
  const athena = properties.DataSourceParameters?.AthenaParameters;
  if (properties.Type !== 'ATHENA' || !athena) return [];
  const workGroup = athena.WorkGroup ?? PRIMARY_WORKGROUP;
  if (workGroup === PRIMARY_WORKGROUP || (await state.context.store.get(workGroupKey(state.account, state.region, workGroup)))) return [];
  return [{ Type: 'GENERIC_SQL_FAILURE', Message: `WorkGroup ${workGroup} is not found.` }];
}

function describe(record: DataSourceRecord, now: number): Wire<QuickSight.DataSource> {
  const p = record.properties;
  const error = errorsOf(record.progress, now)?.[0];
  return {
    Arn: record.arn,
    DataSourceId: record.id,
    ...p,
    AlternateDataSourceParameters: p.DataSourceParameters ? [p.DataSourceParameters] : undefined,
    SslProperties: p.SslProperties ?? { DisableSsl: false },
    Status: statusOf(record.progress, now),
    CreatedTime: seconds(record.createdTime),
    LastUpdatedTime: seconds(record.lastUpdatedTime),
    ...(error ? { ErrorInfo: { Type: error.Type, Message: error.Message } } : {}),
  };
}

export const dataSourceOperations = {
  async CreateDataSource(input, context): Promise<Answer<'CreateDataSource'>> {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    const properties = pickMembers(input, DATA_SOURCE_MEMBERS);
    const errors = await connectionErrors(state, properties);
    return state.transact(async (tx): Promise<Answer<'CreateDataSource'>> => {
      if (await state.get('datasource', input.DataSourceId, tx)) throw alreadyExists('datasource', input.DataSourceId);
      const now = state.now();
      const record: DataSourceRecord = {
        kind: 'datasource',
        id: input.DataSourceId,
        arn: state.arn('datasource', input.DataSourceId),
        createdTime: now,
        lastUpdatedTime: now,
        permissions,
        tags,
        properties,
        progress: startProgress('CREATION', now, context.settings.creationDelayMs, errors),
      };
      state.put(tx, record);
      return { Status: 202, Arn: record.arn, DataSourceId: record.id, CreationStatus: 'CREATION_IN_PROGRESS' };
    });
  },
  async DescribeDataSource(input, context): Promise<Answer<'DescribeDataSource'>> {
    const state = new QuickSightState(context);
    return { DataSource: describe(await state.require('datasource', input.DataSourceId), state.now()) };
  },
  async ListDataSources(input, context): Promise<Answer<'ListDataSources'>> {
    const state = new QuickSightState(context);
    const now = state.now();
    const { items, NextToken } = page(await state.list('datasource'), input);
    return { DataSources: items.map((r) => describe(r, now)), NextToken };
  },
  async UpdateDataSource(input, context): Promise<Answer<'UpdateDataSource'>> {
    const state = new QuickSightState(context);
    const properties = pickMembers(input, DATA_SOURCE_MEMBERS);
    const errors = await connectionErrors(state, { Type: (await state.require('datasource', input.DataSourceId)).properties.Type, ...properties });
    return state.update('datasource', input.DataSourceId, (record): Answer<'UpdateDataSource'> => {
      const now = state.now();
      if (inProgress(record.progress, now))
        throw quicksightError('ConflictException', `Data source ${record.id} is being created or updated; try again when that finishes.`);
      record.properties = { ...properties, Type: record.properties.Type };
      record.lastUpdatedTime = now;
      record.progress = startProgress('UPDATE', now, context.settings.creationDelayMs, errors);
      return { Status: 202, Arn: record.arn, DataSourceId: record.id, UpdateStatus: 'UPDATE_IN_PROGRESS' };
    });
  },
  async DeleteDataSource(input, context): Promise<Answer<'DeleteDataSource'>> {
    const state = new QuickSightState(context);
    return state.transact(async (tx): Promise<Answer<'DeleteDataSource'>> => {
      const record = await state.require('datasource', input.DataSourceId, tx);
      tx.delete(state.key('datasource', record.id));
      return { Arn: record.arn, DataSourceId: record.id };
    });
  },
} satisfies QuickSightOperations;
