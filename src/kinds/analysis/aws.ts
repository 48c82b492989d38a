import {
  CreateAnalysisCommand,
  DeleteAnalysisCommand,
  DescribeAnalysisCommand,
  DescribeAnalysisDefinitionCommand,
  DescribeAnalysisPermissionsCommand,
  ListAnalysesCommand,
  UpdateAnalysisCommand,
  UpdateAnalysisPermissionsCommand,
} from '@aws-sdk/client-quicksight';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing, problemsOf, ResourceFailedError } from '../../aws/errors.ts';
import { waitWhileInProgress } from '../../aws/wait.ts';
import { stampOf, type ActualModel, type DesiredModel } from '../../plan/index.ts';
import type { Listing, Permissioned, ResourceRef, Settling, Stamping, Started, Tagging } from '../kind.ts';
import { fullRead } from '../shared/full-read.ts';
import { allPages, PAGE_SIZE, withId } from '../shared/list-pages.ts';
import { comparedProperties, MANAGED } from '../shared/managed-fields.ts';
import { quicksightPermissions, readAccess } from '../shared/quicksight-permissions.ts';
import { quicksightTagging } from '../shared/quicksight-tags.ts';
import type { AnalysisResource } from './compile.ts';
import { analysisArn } from './identity.ts';
import { ANALYSIS_ACTIONS } from './permissions.ts';

function describeDefinition(ctx: AwsContext, id: string) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ctx.account, AnalysisId: id }));
    return { status: out.ResourceStatus, out };
  };
}

/** DescribeAnalysis: the status, errors and LastUpdatedTime (not the definition). */
function describeSummary(ctx: AwsContext, id: string) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeAnalysisCommand({ AwsAccountId: ctx.account, AnalysisId: id }));
    return { status: out.Analysis?.Status, errors: out.Analysis?.Errors, lastUpdated: stampOf(out.Analysis?.LastUpdatedTime) };
  };
}

/** DescribeAnalysisPermissions: who may do what on it. */
function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeAnalysisPermissionsCommand({ AwsAccountId: ctx.account, AnalysisId: id }));
}

export const analysisTagging: Tagging = quicksightTagging(analysisArn);

/**
 * Not read by a plain publish: one read per analysis (every dashboard has one) would take a no-op
 * publish past one read per resource. `plan` compares them and `publish --refresh` restores them.
 */
export const analysisPermissions: Permissioned = quicksightPermissions({
  actions: ANALYSIS_ACTIONS,
  readOnPublish: false,
  describe: describePermissions,
  update: (ctx, id, request) => ctx.clients.quicksight.send(new UpdateAnalysisPermissionsCommand({ AwsAccountId: ctx.account, AnalysisId: id, ...request })),
});

export async function readAnalysis(ctx: AwsContext, ref: ResourceRef<AnalysisResource>): Promise<ActualModel | undefined> {
  const described = await orMissing(waitWhileInProgress(`Analysis/${ref.id}`, describeDefinition(ctx, ref.id), ctx.wait));
  if (!described) return undefined;
  const access = await readAccess(ctx, ref.id, () => describePermissions(ctx, ref.id), analysisTagging);
  const { Name, Definition, ThemeArn } = described.out;
  const properties = comparedProperties({ Name, Definition, ThemeArn }, MANAGED, ['AnalysisId']);
  return fullRead({ kind: 'Analysis', id: ref.id, properties, ...access, status: described.status, fingerprintInTag: true });
}

export async function createAnalysis(ctx: AwsContext, desired: DesiredModel<AnalysisResource>): Promise<Started> {
  await ctx.clients.quicksight.send(new CreateAnalysisCommand(desired.resource.input));
  return {};
}

export async function updateAnalysis(ctx: AwsContext, desired: DesiredModel<AnalysisResource>): Promise<Started> {
  const i = desired.resource.input;
  await ctx.clients.quicksight.send(
    new UpdateAnalysisCommand({
      AwsAccountId: i.AwsAccountId,
      AnalysisId: i.AnalysisId,
      Name: i.Name,
      Parameters: i.Parameters,
      SourceEntity: i.SourceEntity,
      ThemeArn: i.ThemeArn,
      Definition: i.Definition,
      ValidationStrategy: i.ValidationStrategy,
    }),
  );
  return {};
}

export async function removeAnalysis(ctx: AwsContext, ref: ResourceRef<AnalysisResource>): Promise<void> {
  // Without recovery: the id is free again at once, so a recreation (or a spec brought back) works.
  await ctx.clients.quicksight.send(new DeleteAnalysisCommand({ AwsAccountId: ctx.account, AnalysisId: ref.id, ForceDeleteWithoutRecovery: true }));
}

/** Analyses are created asynchronously: the fingerprint (and stamp) is tagged once QuickSight reports success. */
export const analysisSettling: Settling = {
  async waitReady(ctx, id) {
    const { status, errors, lastUpdated } = await waitWhileInProgress(`Analysis/${id}`, describeSummary(ctx, id), ctx.wait, true);
    if (status?.endsWith('_FAILED')) throw new ResourceFailedError('Analysis', id, status, problemsOf(errors));
    return { lastUpdated };
  },
};

export const analysisStamping: Stamping = {
  lastUpdated: async (ctx, id) => (await describeSummary(ctx, id)()).lastUpdated,
};

export const analysisListing: Listing = {
  recordedBy: 'lastUpdated',
  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListAnalysesCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = withId(out.AnalysisSummaryList, 'AnalysisId').map((a) => ({ id: a.AnalysisId, lastUpdated: stampOf(a.LastUpdatedTime), status: a.Status }));
      return { items, next: out.NextToken };
    }),
};
