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
} from '@aws-sdk/client-quicksight';
import type { AwsContext } from '../../aws/context.ts';
import { isNotFound, orMissing } from '../../aws/errors.ts';
import { stampOf, type ActualModel, type ComparedParts, type DesiredModel } from '../../plan/index.ts';
import type { Listing, Permissioned, ResourceRef, Stamping, Started, Tagging } from '../kind.ts';
import { fullRead } from '../shared/full-read.ts';
import { allPages, PAGE_SIZE, withId } from '../shared/list-pages.ts';
import { comparedProperties, MANAGED } from '../shared/managed-fields.ts';
import { normaliseQuickSight } from '../shared/quicksight-model.ts';
import { quicksightPermissions, readAccess } from '../shared/quicksight-permissions.ts';
import { quicksightTagging } from '../shared/quicksight-tags.ts';
import type { DataSetResource } from './compile.ts';
import { dataSetArn } from './identity.ts';
import { DATA_SET_ACTIONS } from './permissions.ts';

/** The compared model of the compiled request, its refresh schedule (SPICE) among the properties. */
export function normaliseDataSet(resource: DataSetResource): ComparedParts {
  const parts = normaliseQuickSight(resource.input, 'DataSetId');
  if (!resource.refreshSchedule) return parts;
  return { ...parts, properties: { ...parts.properties, RefreshSchedule: comparedProperties(resource.refreshSchedule.Schedule, ['Arn']) } };
}

/** DescribeDataSetPermissions: who may do what on it. */
function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeDataSetPermissionsCommand({ AwsAccountId: ctx.account, DataSetId: id }));
}

export const dataSetTagging: Tagging = quicksightTagging(dataSetArn);

export const dataSetPermissions: Permissioned = quicksightPermissions({
  actions: DATA_SET_ACTIONS,
  readOnPublish: true,
  describe: describePermissions,
  update: (ctx, id, request) => ctx.clients.quicksight.send(new UpdateDataSetPermissionsCommand({ AwsAccountId: ctx.account, DataSetId: id, ...request })),
});

/** DescribeDataSet, its permissions and tags, and (SPICE) its refresh schedule. */
export async function readDataSet(ctx: AwsContext, ref: ResourceRef<DataSetResource>): Promise<ActualModel | undefined> {
  const qs = ctx.clients.quicksight;
  const described = await orMissing(qs.send(new DescribeDataSetCommand({ AwsAccountId: ctx.account, DataSetId: ref.id })));
  if (!described?.DataSet) return undefined;
  const wanted = ref.resource?.refreshSchedule;
  const [access, schedules] = await Promise.all([
    readAccess(ctx, ref.id, () => describePermissions(ctx, ref.id), dataSetTagging),
    wanted ? qs.send(new ListRefreshSchedulesCommand({ AwsAccountId: ctx.account, DataSetId: ref.id })) : undefined,
  ]);
  const schedule = schedules?.RefreshSchedules?.find((s) => s.ScheduleId === wanted?.Schedule?.ScheduleId);
  const properties = comparedProperties({ ...described.DataSet, ...(schedule ? { RefreshSchedule: schedule } : {}) }, MANAGED, ['DataSetId']);
  return fullRead({ kind: 'DataSet', id: ref.id, properties, ...access, fingerprintInTag: true });
}

/**
 * Datasets are created synchronously: the create request carries permissions and tags; the
 * fingerprint follows with the LastUpdatedTime the dataset was left at (its refresh schedule set).
 */
export async function createDataSet(ctx: AwsContext, desired: DesiredModel<DataSetResource>): Promise<Started> {
  await ctx.clients.quicksight.send(new CreateDataSetCommand(desired.resource.input));
  await putRefreshSchedule(ctx, desired.resource);
  return {};
}

export async function updateDataSet(ctx: AwsContext, desired: DesiredModel<DataSetResource>): Promise<Started> {
  const { Permissions: _p, Tags: _t, FolderArns: _f, ...input } = desired.resource.input;
  await ctx.clients.quicksight.send(new UpdateDataSetCommand(input));
  await putRefreshSchedule(ctx, desired.resource);
  return {};
}

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

export async function removeDataSet(ctx: AwsContext, ref: ResourceRef<DataSetResource>): Promise<void> {
  await ctx.clients.quicksight.send(new DeleteDataSetCommand({ AwsAccountId: ctx.account, DataSetId: ref.id }));
}

export const dataSetStamping: Stamping = {
  async lastUpdated(ctx, id) {
    const out = await ctx.clients.quicksight.send(new DescribeDataSetCommand({ AwsAccountId: ctx.account, DataSetId: id }));
    return stampOf(out.DataSet?.LastUpdatedTime);
  },
};

export const dataSetListing: Listing = {
  recordedBy: 'lastUpdated',
  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListDataSetsCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = withId(out.DataSetSummaries, 'DataSetId').map((d) => ({ id: d.DataSetId, lastUpdated: stampOf(d.LastUpdatedTime) }));
      return { items, next: out.NextToken };
    }),
};
