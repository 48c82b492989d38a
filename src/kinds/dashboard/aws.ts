import {
  CreateDashboardCommand,
  DeleteDashboardCommand,
  DescribeDashboardCommand,
  DescribeDashboardDefinitionCommand,
  DescribeDashboardPermissionsCommand,
  ListDashboardsCommand,
  UpdateDashboardCommand,
  UpdateDashboardPermissionsCommand,
  UpdateDashboardPublishedVersionCommand,
} from '@aws-sdk/client-quicksight';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing, problemsOf, ResourceFailedError } from '../../aws/errors.ts';
import { waitWhileInProgress } from '../../aws/wait.ts';
import { fingerprintFromVersionDescription, stampOf, versionDescription, type ActualModel, type DesiredModel } from '../../plan/index.ts';
import type { FingerprintRead, Listing, Permissioned, Publishing, ResourceRef, Settling, Started, Tagging } from '../kind.ts';
import { fullRead } from '../shared/full-read.ts';
import { allPages, PAGE_SIZE, withId } from '../shared/list-pages.ts';
import { comparedProperties, MANAGED } from '../shared/managed-fields.ts';
import { quicksightPermissions, readAccess } from '../shared/quicksight-permissions.ts';
import { quicksightTagging } from '../shared/quicksight-tags.ts';
import type { DashboardResource } from './compile.ts';
import { dashboardArn } from './identity.ts';
import { DASHBOARD_ACTIONS } from './permissions.ts';

/** DescribeDashboard of a version (default: the published one): its status, description and errors. */
function describeVersion(ctx: AwsContext, id: string, version?: number) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeDashboardCommand({ AwsAccountId: ctx.account, DashboardId: id, VersionNumber: version }));
    const v = out.Dashboard?.Version;
    return { status: v?.Status, version: v?.VersionNumber, description: v?.Description, errors: v?.Errors };
  };
}

function versionFromArn(arn: string | undefined, id: string): number {
  const match = /\/version\/(\d+)$/.exec(arn ?? '');
  if (!match) throw new Error(`Dashboard/${id}: QuickSight returned no version ARN (${arn ?? 'none'})`);
  return Number(match[1]);
}

/** DescribeDashboardPermissions: who may do what on it. */
function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeDashboardPermissionsCommand({ AwsAccountId: ctx.account, DashboardId: id }));
}

export const dashboardTagging: Tagging = quicksightTagging(dashboardArn);

export const dashboardPermissions: Permissioned = quicksightPermissions({
  actions: DASHBOARD_ACTIONS,
  readOnPublish: true,
  describe: describePermissions,
  update: (ctx, id, request) => ctx.clients.quicksight.send(new UpdateDashboardPermissionsCommand({ AwsAccountId: ctx.account, DashboardId: id, ...request })),
});

/**
 * Dashboards keep their fingerprint in the description of the version trailsight published: one
 * DescribeDashboard tells whether the published version is still trailsight's, so a version
 * published from the console is noticed (and replaced) by the next publish.
 */
export const dashboardFingerprintRead: FingerprintRead = {
  async read(ctx, id) {
    const published = await orMissing(describeVersion(ctx, id)());
    if (!published) return undefined;
    const fingerprint = fingerprintFromVersionDescription(published.description);
    return { ...(published.status ? { status: published.status } : {}), ...(fingerprint ? { fingerprint } : {}) };
  },
};

export async function readDashboard(ctx: AwsContext, ref: ResourceRef<DashboardResource>): Promise<ActualModel | undefined> {
  const id = ref.id;
  const published = await orMissing(waitWhileInProgress(`Dashboard/${id}`, describeVersion(ctx, id), ctx.wait));
  if (!published) return undefined;
  const [definition, access] = await Promise.all([
    ctx.clients.quicksight.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ctx.account, DashboardId: id, VersionNumber: published.version })),
    readAccess(ctx, id, () => describePermissions(ctx, id), dashboardTagging),
  ]);
  const { Name, Definition, DashboardPublishOptions, ThemeArn } = definition;
  const properties = comparedProperties({ Name, Definition, DashboardPublishOptions, ThemeArn }, MANAGED, ['DashboardId']);
  const fingerprint = fingerprintFromVersionDescription(published.description);
  return fullRead({ kind: 'Dashboard', id, properties, ...access, status: published.status, ...(fingerprint ? { fingerprint } : {}), fingerprintInTag: false });
}

/**
 * The compiled request as it is, plus the one member publish sets: the version description that
 * records the fingerprint (a hash of this request as plan normalises it: trailsight's record that
 * it converged the dashboard, not something the specs ask for). It must come with the version it
 * describes (an update afterwards would be another version); tools deploying the compiled files
 * leave it out, and trailsight's next publish reads such a dashboard in full and adopts it.
 */
export async function createDashboard(ctx: AwsContext, desired: DesiredModel<DashboardResource>): Promise<Started> {
  const input = desired.resource.input;
  const out = await ctx.clients.quicksight.send(new CreateDashboardCommand({ ...input, VersionDescription: versionDescription(desired.fingerprint) }));
  return { version: versionFromArn(out.VersionArn, desired.resource.id) };
}

export async function updateDashboard(ctx: AwsContext, desired: DesiredModel<DashboardResource>): Promise<Started> {
  const i = desired.resource.input;
  const out = await ctx.clients.quicksight.send(
    new UpdateDashboardCommand({
      AwsAccountId: i.AwsAccountId,
      DashboardId: i.DashboardId,
      Name: i.Name,
      SourceEntity: i.SourceEntity,
      Parameters: i.Parameters,
      VersionDescription: versionDescription(desired.fingerprint),
      DashboardPublishOptions: i.DashboardPublishOptions,
      ThemeArn: i.ThemeArn,
      Definition: i.Definition,
      ValidationStrategy: i.ValidationStrategy,
    }),
  );
  return { version: versionFromArn(out.VersionArn, desired.resource.id) };
}

export async function removeDashboard(ctx: AwsContext, ref: ResourceRef<DashboardResource>): Promise<void> {
  await ctx.clients.quicksight.send(new DeleteDashboardCommand({ AwsAccountId: ctx.account, DashboardId: ref.id }));
}

export const dashboardSettling: Settling = {
  async waitReady(ctx, id, started) {
    const state = await waitWhileInProgress(`Dashboard/${id}`, describeVersion(ctx, id, started.version), ctx.wait, true);
    if (state.status?.endsWith('_FAILED')) throw new ResourceFailedError('Dashboard', id, state.status, problemsOf(state.errors));
    return {};
  },
};

export const dashboardPublishing: Publishing = {
  async publish(ctx, id, started) {
    if (started.version === undefined) throw new Error(`Dashboard/${id}: no version to publish`);
    await ctx.clients.quicksight.send(
      new UpdateDashboardPublishedVersionCommand({ AwsAccountId: ctx.account, DashboardId: id, VersionNumber: started.version }),
    );
  },
};

/** Dashboards are vouched for by their published version (their LastUpdatedTime also moves with unpublished versions). */
export const dashboardListing: Listing = {
  recordedBy: 'publishedVersion',
  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListDashboardsCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = withId(out.DashboardSummaryList, 'DashboardId').map((d) => ({
        id: d.DashboardId,
        lastUpdated: stampOf(d.LastUpdatedTime),
        ...(d.PublishedVersionNumber === undefined ? {} : { version: d.PublishedVersionNumber }),
      }));
      return { items, next: out.NextToken };
    }),
};
