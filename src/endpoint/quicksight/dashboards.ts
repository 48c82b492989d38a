import type * as QuickSight from '@aws-sdk/client-quicksight';
import { pickMembers } from '../paging.ts';
import type { Wire } from '../sdk-types.ts';
import type { Transaction } from '../state/store.ts';
import { evaluateDefinition, versionErrors } from './definitions.ts';
import { alreadyExists, invalid, quicksightError } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { inProgress, startProgress, statusOf } from './progress.ts';
import { DASHBOARD_VERSION_MEMBERS, seconds, type DashboardRecord, type DashboardVersionRecord } from './records.ts';
import type { Answer, Input, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

const versionArn = (record: DashboardRecord, n: number) => `${record.arn}/version/${n}`;
/** A dashboard has a version from its creation on: deleting one alone never takes its last (the published one stays). */
const latest = (record: DashboardRecord) => record.versions[record.versions.length - 1]!;

/** The version asked for, else the published one. */
function versionOf(record: DashboardRecord, number: number | undefined): DashboardVersionRecord {
  const wanted = number ?? record.publishedVersion;
  const version = record.versions.find((v) => v.versionNumber === wanted);
  if (!version) throw quicksightError('ResourceNotFoundException', `Dashboard ${record.id} has no version ${wanted}.`);
  return version;
}

async function newVersion(
  state: QuickSightState,
  record: DashboardRecord | undefined,
  input: Input<'CreateDashboard'> | Input<'UpdateDashboard'>,
  tx: Transaction,
  stage: 'CREATION' | 'UPDATE',
): Promise<DashboardVersionRecord> {
  const evaluated = await evaluateDefinition(state, input, tx);
  const now = state.now();
  const version: DashboardVersionRecord = {
    versionNumber: record ? latest(record).versionNumber + 1 : 1,
    createdTime: now,
    progress: startProgress(stage, now, state.context.settings.creationDelayMs, evaluated.errors),
    properties: { ...pickMembers(input, DASHBOARD_VERSION_MEMBERS), DataSetArns: evaluated.DataSetArns, Sheets: evaluated.Sheets },
  };
  return version;
}

function summary(record: DashboardRecord): Wire<QuickSight.DashboardSummary> {
  return {
    Arn: record.arn,
    DashboardId: record.id,
    Name: latest(record).properties.Name,
    CreatedTime: seconds(record.createdTime),
    LastUpdatedTime: seconds(record.lastUpdatedTime),
    PublishedVersionNumber: record.publishedVersion,
    LastPublishedTime: seconds(record.lastPublishedTime),
  };
}

export const dashboardOperations = {
  async CreateDashboard(input, context): Promise<Answer<'CreateDashboard'>> {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    return state.transact(async (tx): Promise<Answer<'CreateDashboard'>> => {
      if (await state.get('dashboard', input.DashboardId, tx)) throw alreadyExists('dashboard', input.DashboardId);
      const version = await newVersion(state, undefined, input, tx, 'CREATION');
      const record: DashboardRecord = {
        kind: 'dashboard',
        id: input.DashboardId,
        arn: state.arn('dashboard', input.DashboardId),
        createdTime: version.createdTime,
        lastUpdatedTime: version.createdTime,
        lastPublishedTime: version.createdTime,
        publishedVersion: 1,
        permissions,
        tags,
        versions: [version],
        ...(input.LinkSharingConfiguration ? { linkSharing: { Permissions: input.LinkSharingConfiguration.Permissions } } : {}),
      };
      state.put(tx, record);
      return { Status: 202, Arn: record.arn, VersionArn: versionArn(record, 1), DashboardId: record.id, CreationStatus: 'CREATION_IN_PROGRESS' };
    });
  },
  async DescribeDashboard(input, context): Promise<Answer<'DescribeDashboard'>> {
    const state = new QuickSightState(context);
    const record = await state.require('dashboard', input.DashboardId);
    const version = versionOf(record, input.VersionNumber);
    const now = state.now();
    const p = version.properties;
    return {
      Dashboard: {
        ...summary(record),
        Name: p.Name,
        Version: {
          CreatedTime: seconds(version.createdTime),
          Errors: versionErrors(version.progress, now),
          VersionNumber: version.versionNumber,
          Status: statusOf(version.progress, now),
          Arn: versionArn(record, version.versionNumber),
          DataSetArns: p.DataSetArns,
          Description: p.VersionDescription,
          ThemeArn: p.ThemeArn,
          Sheets: p.Sheets,
        },
      },
    };
  },
  async DescribeDashboardDefinition(input, context): Promise<Answer<'DescribeDashboardDefinition'>> {
    const state = new QuickSightState(context);
    const record = await state.require('dashboard', input.DashboardId);
    const version = versionOf(record, input.VersionNumber);
    const now = state.now();
    return {
      DashboardId: record.id,
      Errors: versionErrors(version.progress, now),
      Name: version.properties.Name,
      ResourceStatus: statusOf(version.progress, now),
      ThemeArn: version.properties.ThemeArn,
      Definition: version.properties.Definition,
      DashboardPublishOptions: version.properties.DashboardPublishOptions,
    };
  },
  async ListDashboards(input, context): Promise<Answer<'ListDashboards'>> {
    const { items, NextToken } = page(await new QuickSightState(context).list('dashboard'), input);
    return { DashboardSummaryList: items.map(summary), NextToken };
  },
  async ListDashboardVersions(input, context): Promise<Answer<'ListDashboardVersions'>> {
    const state = new QuickSightState(context);
    const record = await state.require('dashboard', input.DashboardId);
    const now = state.now();
    const { items, NextToken } = page(record.versions, input);
    const DashboardVersionSummaryList = items.map((v) => ({
      Arn: versionArn(record, v.versionNumber),
      CreatedTime: seconds(v.createdTime),
      VersionNumber: v.versionNumber,
      Status: statusOf(v.progress, now),
      Description: v.properties.VersionDescription,
    }));
    return { DashboardVersionSummaryList, NextToken };
  },
  async UpdateDashboard(input, context): Promise<Answer<'UpdateDashboard'>> {
    const state = new QuickSightState(context);
    return state.update('dashboard', input.DashboardId, async (record, tx): Promise<Answer<'UpdateDashboard'>> => {
      if (inProgress(latest(record).progress, state.now()))
        throw quicksightError('ConflictException', `Dashboard ${record.id} has a version being created; try again when that finishes.`);
      const version = await newVersion(state, record, input, tx, 'UPDATE');
      record.versions.push(version);
      record.lastUpdatedTime = version.createdTime;
      return {
        Status: 202,
        Arn: record.arn,
        VersionArn: versionArn(record, version.versionNumber),
        DashboardId: record.id,
        CreationStatus: 'UPDATE_IN_PROGRESS',
      };
    });
  },
  async UpdateDashboardPublishedVersion(input, context): Promise<Answer<'UpdateDashboardPublishedVersion'>> {
    const state = new QuickSightState(context);
    return state.update('dashboard', input.DashboardId, (record): Answer<'UpdateDashboardPublishedVersion'> => {
      const version = versionOf(record, input.VersionNumber);
      const now = state.now();
      if (inProgress(version.progress, now))
        throw quicksightError(
          'ConflictException',
          `Version ${version.versionNumber} of dashboard ${record.id} is still being created; publish it when that finishes.`,
        );
      if (version.progress.errors.length > 0)
        throw invalid(`Version ${version.versionNumber} of dashboard ${record.id} failed (${statusOf(version.progress, now)}) and cannot be published.`);
      record.publishedVersion = version.versionNumber;
      record.lastPublishedTime = now;
      return { DashboardId: record.id, DashboardArn: record.arn };
    });
  },
  async DeleteDashboard(input, context): Promise<Answer<'DeleteDashboard'>> {
    const state = new QuickSightState(context);
    return state.transact(async (tx): Promise<Answer<'DeleteDashboard'>> => {
      const record = await state.require('dashboard', input.DashboardId, tx);
      if (input.VersionNumber === undefined) {
        tx.delete(state.key('dashboard', record.id));
        return { Arn: record.arn, DashboardId: record.id };
      }
      const version = versionOf(record, input.VersionNumber);
      if (version.versionNumber === record.publishedVersion)
        throw invalid(`Version ${version.versionNumber} of dashboard ${record.id} is the published version and cannot be deleted alone.`);
      record.versions = record.versions.filter((v) => v !== version);
      state.put(tx, record);
      return { Arn: record.arn, DashboardId: record.id };
    });
  },
} satisfies QuickSightOperations;
