import {
  CreateDataSourceCommand,
  DeleteDataSourceCommand,
  DescribeDataSourceCommand,
  DescribeDataSourcePermissionsCommand,
  ListDataSourcesCommand,
  UpdateDataSourceCommand,
  UpdateDataSourcePermissionsCommand,
} from '@aws-sdk/client-quicksight';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing, ResourceFailedError } from '../../aws/errors.ts';
import { waitWhileInProgress } from '../../aws/wait.ts';
import { stampOf, type ActualModel, type DesiredModel } from '../../plan/index.ts';
import type { Listing, Permissioned, ResourceRef, Settling, Stamping, Started, Tagging } from '../kind.ts';
import { fullRead } from '../shared/full-read.ts';
import { allPages, PAGE_SIZE, withId } from '../shared/list-pages.ts';
import { comparedProperties, MANAGED } from '../shared/managed-fields.ts';
import { quicksightPermissions, readAccess } from '../shared/quicksight-permissions.ts';
import { quicksightTagging } from '../shared/quicksight-tags.ts';
import type { DataSourceResource } from './compile.ts';
import { dataSourceArn } from './identity.ts';
import { DATA_SOURCE_ACTIONS } from './permissions.ts';

function describe(ctx: AwsContext, id: string) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeDataSourceCommand({ AwsAccountId: ctx.account, DataSourceId: id }));
    return { status: out.DataSource?.Status, dataSource: out.DataSource };
  };
}

/** DescribeDataSourcePermissions: who may do what on it. */
function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeDataSourcePermissionsCommand({ AwsAccountId: ctx.account, DataSourceId: id }));
}

export const dataSourceTagging: Tagging = quicksightTagging(dataSourceArn);

export const dataSourcePermissions: Permissioned = quicksightPermissions({
  actions: DATA_SOURCE_ACTIONS,
  readOnPublish: true,
  describe: describePermissions,
  update: (ctx, id, request) =>
    ctx.clients.quicksight.send(new UpdateDataSourcePermissionsCommand({ AwsAccountId: ctx.account, DataSourceId: id, ...request })),
});

export async function readDataSource(ctx: AwsContext, ref: ResourceRef<DataSourceResource>): Promise<ActualModel | undefined> {
  const described = await orMissing(waitWhileInProgress(`DataSource/${ref.id}`, describe(ctx, ref.id), ctx.wait));
  if (!described?.dataSource) return undefined;
  const access = await readAccess(ctx, ref.id, () => describePermissions(ctx, ref.id), dataSourceTagging);
  const properties = comparedProperties(described.dataSource, MANAGED, ['DataSourceId']);
  return fullRead({ kind: 'DataSource', id: ref.id, properties, ...access, status: described.status, fingerprintInTag: true });
}

export async function createDataSource(ctx: AwsContext, desired: DesiredModel<DataSourceResource>): Promise<Started> {
  await ctx.clients.quicksight.send(new CreateDataSourceCommand(desired.resource.input));
  return {};
}

export async function updateDataSource(ctx: AwsContext, desired: DesiredModel<DataSourceResource>): Promise<Started> {
  const i = desired.resource.input;
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
}

export async function removeDataSource(ctx: AwsContext, ref: ResourceRef<DataSourceResource>): Promise<void> {
  await ctx.clients.quicksight.send(new DeleteDataSourceCommand({ AwsAccountId: ctx.account, DataSourceId: ref.id }));
}

/** Data sources are created asynchronously: waited for, then stamped with the LastUpdatedTime they settled at. */
export const dataSourceSettling: Settling = {
  async waitReady(ctx, id) {
    const { status, dataSource } = await waitWhileInProgress(`DataSource/${id}`, describe(ctx, id), ctx.wait, true);
    if (status?.endsWith('_FAILED')) {
      const info = dataSource?.ErrorInfo;
      throw new ResourceFailedError('DataSource', id, status, info ? [{ type: info.Type, message: info.Message, paths: [] }] : []);
    }
    return { lastUpdated: stampOf(dataSource?.LastUpdatedTime) };
  },
};

export const dataSourceStamping: Stamping = {
  lastUpdated: async (ctx, id) => stampOf((await describe(ctx, id)()).dataSource?.LastUpdatedTime),
};

export const dataSourceListing: Listing = {
  recordedBy: 'lastUpdated',
  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListDataSourcesCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = withId(out.DataSources, 'DataSourceId').map((d) => ({ id: d.DataSourceId, lastUpdated: stampOf(d.LastUpdatedTime), status: d.Status }));
      return { items, next: out.NextToken };
    }),
};
