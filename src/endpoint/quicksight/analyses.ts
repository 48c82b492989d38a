import type { Operations } from '../service.ts';
import { pickMembers } from '../paging.ts';
import { evaluateDefinition } from './definitions.ts';
import { invalid, notFound, quicksightError } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { errorsOf, inProgress, startProgress, statusOf } from './progress.ts';
import { seconds, type AnalysisRecord } from './records.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

const STORED = ['Name', 'Parameters', 'ThemeArn', 'Definition', 'ValidationStrategy'] as const;
const DAY = 24 * 3600 * 1000;

const pick = (input: Record<string, unknown>) => pickMembers(input, STORED);

const status = (record: AnalysisRecord, now: number) => (record.deletedAt !== undefined ? 'DELETED' : statusOf(record.progress, now));

function summary(record: AnalysisRecord, now: number) {
  return {
    Arn: record.arn,
    AnalysisId: record.id,
    Name: record.properties.Name,
    Status: status(record, now),
    CreatedTime: seconds(record.createdTime),
    LastUpdatedTime: seconds(record.lastUpdatedTime),
  };
}

export const analysisOperations: Operations = {
  async CreateAnalysis(input: Record<string, any>, context) {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    return state.transact(async (tx) => {
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
        properties: { ...pick(input), DataSetArns: evaluated.dataSetArns, Sheets: evaluated.sheets },
        progress: startProgress('CREATION', now, context.settings.creationDelayMs, evaluated.errors),
      };
      state.put(tx, record);
      return { Status: 202, Arn: record.arn, AnalysisId: record.id, CreationStatus: 'CREATION_IN_PROGRESS' };
    });
  },
  async DescribeAnalysis(input: { AnalysisId: string }, context) {
    const state = new QuickSightState(context);
    const record = await state.require('analysis', input.AnalysisId);
    const now = state.now();
    const p = record.properties;
    return {
      Analysis: {
        ...summary(record, now),
        Errors: errorsOf(record.progress, now),
        DataSetArns: p.DataSetArns,
        ThemeArn: p.ThemeArn,
        Sheets: p.Sheets,
      },
    };
  },
  async DescribeAnalysisDefinition(input: { AnalysisId: string }, context) {
    const state = new QuickSightState(context);
    const record = await state.require('analysis', input.AnalysisId);
    const now = state.now();
    return {
      AnalysisId: record.id,
      Name: record.properties.Name,
      Errors: errorsOf(record.progress, now),
      ResourceStatus: status(record, now),
      ThemeArn: record.properties.ThemeArn,
      Definition: record.properties.Definition,
    };
  },
  async ListAnalyses(input: { MaxResults?: number; NextToken?: string }, context) {
    const state = new QuickSightState(context);
    const now = state.now();
    const { items, NextToken } = page(await state.list('analysis'), input);
    return { AnalysisSummaryList: items.map((r) => summary(r, now)), NextToken };
  },
  async UpdateAnalysis(input: Record<string, any>, context) {
    const state = new QuickSightState(context);
    return state.update('analysis', input.AnalysisId, async (record, tx) => {
      const now = state.now();
      if (record.deletedAt !== undefined) throw notFound('analysis', record.id);
      if (inProgress(record.progress, now))
        throw quicksightError('ConflictException', `Analysis ${record.id} is being created or updated; try again when that finishes.`);
      const evaluated = await evaluateDefinition(state, input, tx);
      record.properties = { ...pick(input), DataSetArns: evaluated.dataSetArns, Sheets: evaluated.sheets };
      record.lastUpdatedTime = now;
      record.progress = startProgress('UPDATE', now, context.settings.creationDelayMs, evaluated.errors);
      return { Status: 202, Arn: record.arn, AnalysisId: record.id, UpdateStatus: 'UPDATE_IN_PROGRESS' };
    });
  },
  async DeleteAnalysis(input: { AnalysisId: string; RecoveryWindowInDays?: number; ForceDeleteWithoutRecovery?: boolean }, context) {
    const state = new QuickSightState(context);
    if (input.ForceDeleteWithoutRecovery && input.RecoveryWindowInDays !== undefined)
      throw invalid('ForceDeleteWithoutRecovery and RecoveryWindowInDays cannot be used together.');
    return state.transact(async (tx) => {
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
  async RestoreAnalysis(input: { AnalysisId: string }, context) {
    return new QuickSightState(context).update('analysis', input.AnalysisId, (record) => {
      if (record.deletedAt === undefined) throw invalid(`Analysis ${record.id} is not deleted.`);
      delete record.deletedAt;
      delete record.deletionTime;
      return { Arn: record.arn, AnalysisId: record.id };
    });
  },
};
