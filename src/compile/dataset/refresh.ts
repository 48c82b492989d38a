import type { CreateRefreshScheduleCommandInput, DayOfWeek, ScheduleRefreshOnEntity } from '@aws-sdk/client-quicksight';
import type { DataSetSpec } from '../../language/schema/index.ts';
import type { Located } from '../../language/specset.ts';
import type { Problems } from '../problems.ts';
import type { ResolvedTarget } from '../target.ts';

/** QuickSight accepts days 1–28 or LAST_DAY_OF_MONTH for monthly refreshes. */
const MONTH_DAY = /^(?:LAST_DAY_OF_MONTH|[1-9]|1[0-9]|2[0-8])$/;

/** QuickSight `CreateRefreshSchedule` for a SPICE dataset with a `refresh`; `undefined` otherwise. */
export function refreshSchedule(options: {
  located: Located<DataSetSpec>;
  target: ResolvedTarget;
  id: string;
  problems: Problems;
}): CreateRefreshScheduleCommandInput | undefined {
  const { located, problems } = options;
  const mode = located.spec.import;
  if (mode?.mode !== 'SPICE' || !mode.refresh) return undefined;
  const refresh = mode.refresh;
  const at = ['import', 'refresh'];
  if (refresh.interval === 'HOURLY' && refresh.timeOfDay) problems.report(located, [...at, 'timeOfDay'], 'an HOURLY refresh has no time of day');
  if (refresh.interval === 'WEEKLY' && !refresh.dayOfWeek) problems.report(located, at, 'a WEEKLY refresh needs `dayOfWeek`');
  if (refresh.interval !== 'WEEKLY' && refresh.dayOfWeek) problems.report(located, [...at, 'dayOfWeek'], '`dayOfWeek` is only for WEEKLY refreshes');
  if (refresh.interval === 'MONTHLY' && !refresh.dayOfMonth) problems.report(located, at, 'a MONTHLY refresh needs `dayOfMonth`');
  if (refresh.interval !== 'MONTHLY' && refresh.dayOfMonth) problems.report(located, [...at, 'dayOfMonth'], '`dayOfMonth` is only for MONTHLY refreshes');
  if (refresh.dayOfMonth && !MONTH_DAY.test(refresh.dayOfMonth))
    problems.report(located, [...at, 'dayOfMonth'], `QuickSight refreshes monthly on days 1–28 or LAST_DAY_OF_MONTH, not ${refresh.dayOfMonth}`);
  const onDay: ScheduleRefreshOnEntity | undefined = refresh.dayOfWeek ? { DayOfWeek: refresh.dayOfWeek as DayOfWeek } : refresh.dayOfMonth ? { DayOfMonth: refresh.dayOfMonth } : undefined;
  return {
    AwsAccountId: options.target.account,
    DataSetId: options.id,
    Schedule: {
      ScheduleId: `${options.id}-refresh`,
      RefreshType: 'FULL_REFRESH',
      ScheduleFrequency: {
        Interval: refresh.interval,
        Timezone: refresh.timezone ?? 'UTC',
        ...(refresh.timeOfDay && refresh.interval !== 'HOURLY' ? { TimeOfTheDay: refresh.timeOfDay } : {}),
        ...(onDay ? { RefreshOnDay: onDay } : {}),
      },
    },
  };
}
