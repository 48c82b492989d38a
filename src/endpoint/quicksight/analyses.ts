import type * as QuickSight from '@aws-sdk/client-quicksight';
import { pickMembers } from '../paging.ts';
import type { Wire } from '../sdk-types.ts';
import { evaluateDefinition, versionErrors } from './definitions.ts';
import { invalid, notFound, quicksightError } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { inProgress, startProgress, statusOf } from './progress.ts';
import { ANALYSIS_MEMBERS, seconds, type AnalysisRecord } from './records.ts';
import type { Answer, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

const DAY = 24 * 3600 * 1000;

const status = (record: AnalysisRecord, now: number): QuickSight.ResourceStatus =>
  record.deletedAt !== undefined ? 'DELETED' : statusOf(record.progress, now);

function summary(record: AnalysisRecord, now: number): Wire<QuickSight.AnalysisSummary> {
  return {
    Arn: record.arn,
    AnalysisId: record.id,
    Name: record.properties.Name,
    Status: status(record, now),
    CreatedTime: seconds(record.createdTime),
    LastUpdatedTime: seconds(record.lastUpdatedTime),
  };
}

export const analysisOperations = {
  async CreateAnalysis(input, context): Promise<Answer<'CreateAnalysis'>> {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    return state.transact(async (tx): Promise<Answer<'CreateAnalysis'>> => {
      const existing = await state.get('analysis', input.AnalysisId, tx);
      if (existing) {
        const hint =
          existing.deletedAt !== undefined
            ? ' It is deleted but still in its recovery window: restore it with RestoreAnalysis, or delete it with ForceDeleteWithoutRecovery.'
            : '';
        throw quicksightError('ResourceExistsException', `Analysis ${input.AnalysisId} already exists.${hint}`);
      }
      const evaluated = await evaluateDefinition(state, input, tx);
      const now = state.now();
      const record: AnalysisRecord = {
        kind: 'analysis',
        id: input.AnalysisId,
        arn: state.arn('analysis', input.AnalysisId),
        createdTime: now,
        lastUpdatedTime: now,
        permissions,
        tags,
        properties: { ...pickMembers(input, ANALYSIS_MEMBERS), DataSetArns: evaluated.DataSetArns, Sheets: evaluated.Sheets },
        progress: startProgress('CREATION', now, context.settings.creationDelayMs, evaluated.errors),
      };
      state.put(tx, record);
      return { Status: 202, Arn: record.arn, AnalysisId: record.id, CreationStatus: 'CREATION_IN_PROGRESS' };
    });
  },
  async DescribeAnalysis(input, context): Promise<Answer<'DescribeAnalysis'>> {
    const state = new QuickSightState(context);
    const record = await state.require('analysis', input.AnalysisId);
    const now = state.now();
    const p = record.properties;
    return {
      Analysis: {
        ...summary(record, now),
        Errors: versionErrors(record.progress, now),
        DataSetArns: p.DataSetArns,
        ThemeArn: p.ThemeArn,
        Sheets: p.Sheets,
      },
    };
  },
  async DescribeAnalysisDefinition(input, context): Promise<Answer<'DescribeAnalysisDefinition'>> {
    const state = new QuickSightState(context);
    const record = await state.require('analysis', input.AnalysisId);
    const now = state.now();
    return {
      AnalysisId: record.id,
      Name: record.properties.Name,
      Errors: versionErrors(record.progress, now),
      ResourceStatus: status(record, now),
      ThemeArn: record.properties.ThemeArn,
      Definition: record.properties.Definition,
    };
  },
  async ListAnalyses(input, context): Promise<Answer<'ListAnalyses'>> {
    const state = new QuickSightState(context);
    const now = state.now();
    const { items, NextToken } = page(await state.list('analysis'), input);
    return { AnalysisSummaryList: items.map((r) => summary(r, now)), NextToken };
  },
  async UpdateAnalysis(input, context): Promise<Answer<'UpdateAnalysis'>> {
    const state = new QuickSightState(context);
    return state.update('analysis', input.AnalysisId, async (record, tx): Promise<Answer<'UpdateAnalysis'>> => {
      const now = state.now();
      if (record.deletedAt !== undefined) throw notFound('analysis', record.id);
      if (inProgress(record.progress, now))
        throw quicksightError('ConflictException', `Analysis ${record.id} is being created or updated; try again when that finishes.`);
      const evaluated = await evaluateDefinition(state, input, tx);
      record.properties = { ...pickMembers(input, ANALYSIS_MEMBERS), DataSetArns: evaluated.DataSetArns, Sheets: evaluated.Sheets };
      record.lastUpdatedTime = now;
      record.progress = startProgress('UPDATE', now, context.settings.creationDelayMs, evaluated.errors);
      return { Status: 202, Arn: record.arn, AnalysisId: record.id, UpdateStatus: 'UPDATE_IN_PROGRESS' };
    });
  },
  async DeleteAnalysis(input, context): Promise<Answer<'DeleteAnalysis'>> {
    const state = new QuickSightState(context);
    if (input.ForceDeleteWithoutRecovery && input.RecoveryWindowInDays !== undefined)
      throw invalid('ForceDeleteWithoutRecovery and RecoveryWindowInDays cannot be used together.');
    return state.transact(async (tx): Promise<Answer<'DeleteAnalysis'>> => {
      const record = await state.require('analysis', input.AnalysisId, tx);
      const now = state.now();
      if (input.ForceDeleteWithoutRecovery) {
        tx.delete(state.key('analysis', record.id));
        return { Arn: record.arn, AnalysisId: record.id, DeletionTime: seconds(now) };
      }
      record.deletedAt ??= now;
      record.deletionTime ??= now + (input.RecoveryWindowInDays ?? 30) * DAY;
      state.put(tx, record);
      return { Arn: record.arn, AnalysisId: record.id, DeletionTime: seconds(record.deletionTime) };
    });
  },
  async RestoreAnalysis(input, context): Promise<Answer<'RestoreAnalysis'>> {
    return new QuickSightState(context).update('analysis', input.AnalysisId, (record): Answer<'RestoreAnalysis'> => {
      if (record.deletedAt === undefined) throw invalid(`Analysis ${record.id} is not deleted.`);
      delete record.deletedAt;
      delete record.deletionTime;
      return { Arn: record.arn, AnalysisId: record.id };
    });
  },
} satisfies QuickSightOperations;
