import type * as QuickSight from '@aws-sdk/client-quicksight';
import type { Wire } from '../sdk-types.ts';
import { invalid, quicksightError } from './errors.ts';
import type { DataSetRecord } from './records.ts';
import type { Answer, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';

type Schedule = Wire<QuickSight.RefreshSchedule>;

const scheduleArn = (dataSet: DataSetRecord, id: string) => `${dataSet.arn}/refresh-schedule/${id}`;

function requireSpice(dataSet: DataSetRecord): void {
  if (dataSet.properties.ImportMode !== 'SPICE')
    throw invalid(
      `Data set ${dataSet.id} is not imported into SPICE (ImportMode ${String(dataSet.properties.ImportMode)}); only SPICE data sets have refresh schedules.`,
    );
}

function requireSchedule(dataSet: DataSetRecord, id: string): Schedule {
  const schedule = dataSet.refreshSchedules.find((s) => s.ScheduleId === id);
  if (!schedule) throw quicksightError('ResourceNotFoundException', `Refresh schedule ${id} of data set ${dataSet.id} not found.`);
  return schedule;
}

/** Refresh schedules of SPICE data sets, and the data set's refresh properties. */
export const refreshScheduleOperations = {
  async CreateRefreshSchedule(input, context): Promise<Answer<'CreateRefreshSchedule'>> {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet): Answer<'CreateRefreshSchedule'> => {
      requireSpice(dataSet);
      const id = input.Schedule.ScheduleId;
      if (dataSet.refreshSchedules.some((s) => s.ScheduleId === id))
        throw quicksightError('ResourceExistsException', `Refresh schedule ${id} of data set ${dataSet.id} already exists.`);
      const Arn = scheduleArn(dataSet, id);
      dataSet.refreshSchedules.push({ ...input.Schedule, Arn });
      return { Status: 201, ScheduleId: id, Arn };
    });
  },
  async UpdateRefreshSchedule(input, context): Promise<Answer<'UpdateRefreshSchedule'>> {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet): Answer<'UpdateRefreshSchedule'> => {
      const id = input.Schedule.ScheduleId;
      requireSchedule(dataSet, id);
      const Arn = scheduleArn(dataSet, id);
      dataSet.refreshSchedules = dataSet.refreshSchedules.map((s) => (s.ScheduleId === id ? { ...input.Schedule, Arn } : s));
      return { ScheduleId: id, Arn };
    });
  },
  async DescribeRefreshSchedule(input, context): Promise<Answer<'DescribeRefreshSchedule'>> {
    const dataSet = await new QuickSightState(context).require('dataset', input.DataSetId);
    const schedule = requireSchedule(dataSet, input.ScheduleId);
    return { RefreshSchedule: schedule, Arn: schedule.Arn };
  },
  async ListRefreshSchedules(input, context): Promise<Answer<'ListRefreshSchedules'>> {
    const dataSet = await new QuickSightState(context).require('dataset', input.DataSetId);
    return { RefreshSchedules: dataSet.refreshSchedules };
  },
  async DeleteRefreshSchedule(input, context): Promise<Answer<'DeleteRefreshSchedule'>> {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet): Answer<'DeleteRefreshSchedule'> => {
      const schedule = requireSchedule(dataSet, input.ScheduleId);
      dataSet.refreshSchedules = dataSet.refreshSchedules.filter((s) => s !== schedule);
      return { ScheduleId: input.ScheduleId, Arn: schedule.Arn };
    });
  },
  async DescribeDataSetRefreshProperties(input, context): Promise<Answer<'DescribeDataSetRefreshProperties'>> {
    const dataSet = await new QuickSightState(context).require('dataset', input.DataSetId);
    if (!dataSet.refreshProperties) throw quicksightError('ResourceNotFoundException', `Data set ${dataSet.id} has no refresh properties.`);
    return { DataSetRefreshProperties: dataSet.refreshProperties };
  },
  async PutDataSetRefreshProperties(input, context): Promise<Answer<'PutDataSetRefreshProperties'>> {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet): Answer<'PutDataSetRefreshProperties'> => {
      requireSpice(dataSet);
      dataSet.refreshProperties = input.DataSetRefreshProperties;
      return {};
    });
  },
  async DeleteDataSetRefreshProperties(input, context): Promise<Answer<'DeleteDataSetRefreshProperties'>> {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet): Answer<'DeleteDataSetRefreshProperties'> => {
      delete dataSet.refreshProperties;
      return {};
    });
  },
} satisfies QuickSightOperations;
