import type { Operations } from '../service.ts';
import { invalid, quicksightError } from './errors.ts';
import type { DataSetRecord } from './records.ts';
import { QuickSightState } from './state.ts';

interface Schedule {
  ScheduleId: string;
  [member: string]: unknown;
}

const scheduleArn = (dataSet: DataSetRecord, id: string) => `${dataSet.arn}/refresh-schedule/${id}`;

function requireSpice(dataSet: DataSetRecord): void {
  if (dataSet.properties.ImportMode !== 'SPICE')
    throw invalid(
      `Data set ${dataSet.id} is not imported into SPICE (ImportMode ${String(dataSet.properties.ImportMode)}); only SPICE data sets have refresh schedules.`,
    );
}

function requireSchedule(dataSet: DataSetRecord, id: string): Schedule {
  const schedule = dataSet.refreshSchedules.find((s) => s.ScheduleId === id) as Schedule | undefined;
  if (!schedule) throw quicksightError('ResourceNotFoundException', `Refresh schedule ${id} of data set ${dataSet.id} not found.`);
  return schedule;
}

/** Refresh schedules of SPICE data sets, and the data set's refresh properties. */
export const refreshScheduleOperations: Operations = {
  async CreateRefreshSchedule(input: { DataSetId: string; Schedule: Schedule }, context) {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet) => {
      requireSpice(dataSet);
      const id = input.Schedule.ScheduleId;
      if (dataSet.refreshSchedules.some((s) => s.ScheduleId === id))
        throw quicksightError('ResourceExistsException', `Refresh schedule ${id} of data set ${dataSet.id} already exists.`);
      const Arn = scheduleArn(dataSet, id);
      dataSet.refreshSchedules.push({ ...input.Schedule, Arn });
      return { Status: 201, ScheduleId: id, Arn };
    });
  },
  async UpdateRefreshSchedule(input: { DataSetId: string; Schedule: Schedule }, context) {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet) => {
      const id = input.Schedule.ScheduleId;
      requireSchedule(dataSet, id);
      const Arn = scheduleArn(dataSet, id);
      dataSet.refreshSchedules = dataSet.refreshSchedules.map((s) => (s.ScheduleId === id ? { ...input.Schedule, Arn } : s));
      return { ScheduleId: id, Arn };
    });
  },
  async DescribeRefreshSchedule(input: { DataSetId: string; ScheduleId: string }, context) {
    const dataSet = await new QuickSightState(context).require('dataset', input.DataSetId);
    const schedule = requireSchedule(dataSet, input.ScheduleId);
    return { RefreshSchedule: schedule, Arn: schedule.Arn };
  },
  async ListRefreshSchedules(input: { DataSetId: string }, context) {
    const dataSet = await new QuickSightState(context).require('dataset', input.DataSetId);
    return { RefreshSchedules: dataSet.refreshSchedules };
  },
  async DeleteRefreshSchedule(input: { DataSetId: string; ScheduleId: string }, context) {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet) => {
      const schedule = requireSchedule(dataSet, input.ScheduleId);
      dataSet.refreshSchedules = dataSet.refreshSchedules.filter((s) => s !== schedule);
      return { ScheduleId: input.ScheduleId, Arn: schedule.Arn };
    });
  },
  async DescribeDataSetRefreshProperties(input: { DataSetId: string }, context) {
    const dataSet = await new QuickSightState(context).require('dataset', input.DataSetId);
    if (!dataSet.refreshProperties) throw quicksightError('ResourceNotFoundException', `Data set ${dataSet.id} has no refresh properties.`);
    return { DataSetRefreshProperties: dataSet.refreshProperties };
  },
  async PutDataSetRefreshProperties(input: { DataSetId: string; DataSetRefreshProperties: unknown }, context) {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet) => {
      requireSpice(dataSet);
      dataSet.refreshProperties = input.DataSetRefreshProperties;
      return {};
    });
  },
  async DeleteDataSetRefreshProperties(input: { DataSetId: string }, context) {
    return new QuickSightState(context).update('dataset', input.DataSetId, (dataSet) => {
      delete dataSet.refreshProperties;
      return {};
    });
  },
};
