import {
  CreateDataSetCommand,
  CreateRefreshScheduleCommand,
  DeleteDataSetCommand,
  DescribeDataSetCommand,
  DescribeDataSetPermissionsCommand,
  ListDataSetsCommand,
  ListRefreshSchedulesCommand,
  UpdateDataSetCommand,
  UpdateDataSetPermissionsCommand,
  UpdateRefreshScheduleCommand,
  type CreateDataSetCommandInput,
} from '@aws-sdk/client-quicksight';
import type { DesiredResource } from '../../compile/resource.ts';
import { stampOf } from '../../plan/index.ts';
import { isNotFound, orMissing } from '../errors.ts';
import type { AwsContext, KindAdapter } from './adapter.ts';
import { allPages, liveIds, PAGE_SIZE, quicksightAccess, readAccess, readFingerprintTag } from './quicksight-common.ts';
import { fullActual } from './resource-state.ts';

type DataSetResource = Extract<DesiredResource, { kind: 'DataSet' }>;

/** DescribeDataSetPermissions: who may do what on it. */
function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeDataSetPermissionsCommand({ AwsAccountId: ctx.account, DataSetId: id }));
}

/**
 * Datasets are created synchronously: the create request carries permissions and tags; the
 * fingerprint follows with the LastUpdatedTime the dataset was left at (its refresh schedule set).
 */
export const dataSetAdapter: KindAdapter = {
  readQuick: readFingerprintTag,
  fingerprintOnCreate: false,

  async readFull(ctx, { id, resource }) {
    const qs = ctx.clients.quicksight;
    const described = await orMissing(qs.send(new DescribeDataSetCommand({ AwsAccountId: ctx.account, DataSetId: id })));
    if (!described?.DataSet) return { kind: 'DataSet', id, exists: false };
    const wantsSchedule = !!(resource as DataSetResource | undefined)?.refreshSchedule;
    const [access, schedules] = await Promise.all([
      readAccess(ctx, 'DataSet', id, () => describePermissions(ctx, id)),
      wantsSchedule ? qs.send(new ListRefreshSchedulesCommand({ AwsAccountId: ctx.account, DataSetId: id })) : undefined,
    ]);
    const scheduleId = (resource as DataSetResource | undefined)?.refreshSchedule?.Schedule?.ScheduleId;
    const schedule = schedules?.RefreshSchedules?.find((s) => s.ScheduleId === scheduleId);
    return fullActual({
      kind: 'DataSet',
      id,
      record: { ...described.DataSet, ...(schedule ? { RefreshSchedule: schedule } : {}) },
      ...access,
    });
  },

  async create(ctx, desired) {
    const input = desired.resource.input as CreateDataSetCommandInput;
    await ctx.clients.quicksight.send(new CreateDataSetCommand(input));
    await putRefreshSchedule(ctx, desired.resource as DataSetResource);
    return {};
  },

  async update(ctx, desired) {
    const { Permissions: _p, Tags: _t, FolderArns: _f, ...input } = desired.resource.input as CreateDataSetCommandInput;
    await ctx.clients.quicksight.send(new UpdateDataSetCommand(input));
    await putRefreshSchedule(ctx, desired.resource as DataSetResource);
    return {};
  },

  ...quicksightAccess(
    'DataSet',
    (ctx, id, request) => ctx.clients.quicksight.send(new UpdateDataSetPermissionsCommand({ AwsAccountId: ctx.account, DataSetId: id, ...request })),
    describePermissions,
  ),

  async remove(ctx, { id }) {
    await ctx.clients.quicksight.send(new DeleteDataSetCommand({ AwsAccountId: ctx.account, DataSetId: id }));
  },

  async lastUpdated(ctx, id) {
    const out = await ctx.clients.quicksight.send(new DescribeDataSetCommand({ AwsAccountId: ctx.account, DataSetId: id }));
    return stampOf(out.DataSet?.LastUpdatedTime);
  },

  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListDataSetsCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = (out.DataSetSummaries ?? []).filter((d) => d.DataSetId);
      return { items: items.map((d) => ({ id: d.DataSetId!, lastUpdated: stampOf(d.LastUpdatedTime) })), next: out.NextToken };
    }),

  list: async (ctx) => liveIds(await dataSetAdapter.summaries!(ctx)),
};

/** SPICE datasets: update the refresh schedule, creating it the first time. */
async function putRefreshSchedule(ctx: AwsContext, resource: DataSetResource): Promise<void> {
  if (!resource.refreshSchedule) return;
  try {
    await ctx.clients.quicksight.send(new UpdateRefreshScheduleCommand(resource.refreshSchedule));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await ctx.clients.quicksight.send(new CreateRefreshScheduleCommand(resource.refreshSchedule));
  }
}
