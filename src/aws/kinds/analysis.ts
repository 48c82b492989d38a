import {
  CreateAnalysisCommand,
  DeleteAnalysisCommand,
  DescribeAnalysisCommand,
  DescribeAnalysisDefinitionCommand,
  DescribeAnalysisPermissionsCommand,
  ListAnalysesCommand,
  UpdateAnalysisCommand,
  UpdateAnalysisPermissionsCommand,
  type CreateAnalysisCommandInput,
} from '@aws-sdk/client-quicksight';
import { stampOf } from '../../plan/index.ts';
import { orMissing, problemsOf, ResourceFailedError } from '../errors.ts';
import { waitWhileInProgress } from '../wait.ts';
import type { AwsContext, KindAdapter } from './adapter.ts';
import { allPages, liveIds, PAGE_SIZE, quicksightAccess, readAccess, readFingerprintTag } from './quicksight-common.ts';
import { fullActual } from './resource-state.ts';

function describeDefinition(ctx: AwsContext, id: string) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ctx.account, AnalysisId: id }));
    return { status: out.ResourceStatus as string | undefined, out };
  };
}

/** DescribeAnalysis: the status, errors and LastUpdatedTime (not the definition). */
function describeSummary(ctx: AwsContext, id: string) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeAnalysisCommand({ AwsAccountId: ctx.account, AnalysisId: id }));
    return { status: out.Analysis?.Status as string | undefined, errors: out.Analysis?.Errors, lastUpdated: stampOf(out.Analysis?.LastUpdatedTime) };
  };
}

/** DescribeAnalysisPermissions: who may do what on it. */
function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeAnalysisPermissionsCommand({ AwsAccountId: ctx.account, AnalysisId: id }));
}

/** Analyses are created asynchronously: the fingerprint (and stamp) is tagged once QuickSight reports success. */
export const analysisAdapter: KindAdapter = {
  readQuick: readFingerprintTag,
  fingerprintOnCreate: false,

  async readFull(ctx, { id }) {
    const described = await orMissing(waitWhileInProgress(`Analysis/${id}`, describeDefinition(ctx, id), ctx.wait));
    if (!described) return { kind: 'Analysis', id, exists: false };
    const access = await readAccess(ctx, 'Analysis', id, () => describePermissions(ctx, id));
    const { Name, Definition, ThemeArn } = described.out;
    return fullActual({ kind: 'Analysis', id, record: { Name, Definition, ThemeArn }, ...access, ...(described.status ? { status: described.status } : {}) });
  },

  async create(ctx, desired) {
    const input = desired.resource.input as CreateAnalysisCommandInput;
    await ctx.clients.quicksight.send(new CreateAnalysisCommand(input));
    return {};
  },

  async update(ctx, desired) {
    const i = desired.resource.input as CreateAnalysisCommandInput;
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
  },

  async waitReady(ctx, id) {
    const { status, errors, lastUpdated } = await waitWhileInProgress(`Analysis/${id}`, describeSummary(ctx, id), ctx.wait, true);
    if (status?.endsWith('_FAILED')) throw new ResourceFailedError('Analysis', id, status, problemsOf(errors));
    return { lastUpdated };
  },

  lastUpdated: async (ctx, id) => (await describeSummary(ctx, id)()).lastUpdated,

  ...quicksightAccess(
    'Analysis',
    (ctx, id, request) => ctx.clients.quicksight.send(new UpdateAnalysisPermissionsCommand({ AwsAccountId: ctx.account, AnalysisId: id, ...request })),
    describePermissions,
  ),

  async remove(ctx, { id }) {
    // Without recovery: the id is free again at once, so a recreation (or a spec brought back) works.
    await ctx.clients.quicksight.send(new DeleteAnalysisCommand({ AwsAccountId: ctx.account, AnalysisId: id, ForceDeleteWithoutRecovery: true }));
  },

  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(new ListAnalysesCommand({ AwsAccountId: ctx.account, MaxResults: PAGE_SIZE, NextToken: token }));
      const items = (out.AnalysisSummaryList ?? []).filter((a) => a.AnalysisId);
      return { items: items.map((a) => ({ id: a.AnalysisId!, lastUpdated: stampOf(a.LastUpdatedTime), status: a.Status })), next: out.NextToken };
    }),

  list: async (ctx) => liveIds(await analysisAdapter.summaries!(ctx)),
};
