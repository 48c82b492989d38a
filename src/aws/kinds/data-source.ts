import {
  CreateDataSourceCommand,
  DeleteDataSourceCommand,
  DescribeDataSourceCommand,
  DescribeDataSourcePermissionsCommand,
  ListDataSourcesCommand,
  UpdateDataSourceCommand,
  UpdateDataSourcePermissionsCommand,
  type CreateDataSourceCommandInput,
} from '@aws-sdk/client-quicksight';
import { stampOf } from '../../plan/index.ts';
import { orMissing, ResourceFailedError } from '../errors.ts';
import { waitWhileInProgress } from '../wait.ts';
import type { AwsContext, KindAdapter } from './adapter.ts';
import { allPages, liveIds, PAGE_SIZE, quicksightAccess, readAccess, readFingerprintTag } from './quicksight-common.ts';
import { fullActual } from './resource-state.ts';

function describe(ctx: AwsContext, id: string) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeDataSourceCommand({ AwsAccountId: ctx.account, DataSourceId: id }));
    return { status: out.DataSource?.Status as string | undefined, dataSource: out.DataSource };
  };
}

/** DescribeDataSourcePermissions: who may do what on it. */
function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeDataSourcePermissionsCommand({ AwsAccountId: ctx.account, DataSourceId: id }));
}

export const dataSourceAdapter: KindAdapter = {
  readQuick: readFingerprintTag,
  fingerprintOnCreate: false,

  async readFull(ctx, { id }) {
    const described = await orMissing(waitWhileInProgress(`DataSource/${id}`, describe(ctx, id), ctx.wait));
    if (!described?.dataSource) return { kind: 'DataSource', id, exists: false };
    const access = await readAccess(ctx, 'DataSource', id, () => describePermissions(ctx, id));
    return fullActual({ kind: 'DataSource', id, record: described.dataSource, ...access, ...(described.status ? { status: described.status } : {}) });
  },

  async create(ctx, desired) {
    const input = desired.resource.input as CreateDataSourceCommandInput;
    await ctx.clients.quicksight.send(new CreateDataSourceCommand(input));
    return {};
  },

  async update(ctx, desired) {
    const i = desired.resource.input as CreateDataSourceCommandInput;
    await ctx.clients.quicksight.send(
      new UpdateDataSourceCommand({
        AwsAccountId: i.AwsAccountId,
        DataSourceId: i.DataSourceId,
        Name: i.Name,
        DataSourceParameters: i.DataSourceParameters,
        Credentials: i.Credentials,
        VpcConnectionProperties: i.VpcConnectionProperties,
        SslProperties: i.SslProperties,
      }),
    );
    return {};
  },

  async waitReady(ctx, id) {
    const { status, dataSource } = await waitWhileInProgress(`DataSource/${id}`, describe(ctx, id), ctx.wait, true);
    if (status?.endsWith('_FAILED')) {
      const info = dataSource?.ErrorInfo;
      throw new ResourceFailedError('DataSource', id, status, info ? [{ type: info.Type, message: info.Message, paths: [] }] : []);
    }
    return { lastUpdated: stampOf(dataSource?.LastUpdatedTime) };
  },

  lastUpdated: async (ctx, id) => stampOf((await describe(ctx, id)()).dataSource?.LastUpdatedTime),

  ...quicksightAccess(
    'DataSource',
    (ctx, id, request) => ctx.clients.quicksight.send(new UpdateDataSourcePermissionsCommand({ AwsAccountId: ctx.account, DataSourceId: id, ...request })),
    describePermissions,
  ),

  async remove(ctx, { id }) {
    await ctx.clients.quicksight.send(new DeleteDataSourceCommand({ AwsAccountId: ctx.account, DataSourceId: id }));
  },

  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListDataSourcesCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = (out.DataSources ?? []).filter((d) => d.DataSourceId);
      return { items: items.map((d) => ({ id: d.DataSourceId!, lastUpdated: stampOf(d.LastUpdatedTime), status: d.Status })), next: out.NextToken };
    }),

  list: async (ctx) => liveIds(await dataSourceAdapter.summaries!(ctx)),
};
