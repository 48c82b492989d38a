import type { CreateRefreshScheduleCommandInput, DayOfWeek } from '@aws-sdk/client-quicksight';
import type { RefreshSchedule } from '../../language/index.ts';
import type { ResolvedTarget } from '../target.ts';

/** QuickSight `CreateRefreshSchedule` for a SPICE dataset's checked refresh. */
export function refreshSchedule(options: { refresh: RefreshSchedule; target: ResolvedTarget; id: string }): CreateRefreshScheduleCommandInput {
  const { refresh, id } = options;
  const on = refresh.on && ('dayOfWeek' in refresh.on ? { DayOfWeek: refresh.on.dayOfWeek as DayOfWeek } : { DayOfMonth: refresh.on.dayOfMonth });
  return {
    AwsAccountId: options.target.account,
    DataSetId: id,
    Schedule: {
      ScheduleId: `${id}-refresh`,
      RefreshType: 'FULL_REFRESH',
      ScheduleFrequency: {
        Interval: refresh.interval,
        Timezone: refresh.timezone,
        ...(refresh.timeOfDay ? { TimeOfTheDay: refresh.timeOfDay } : {}),
        ...(on ? { RefreshOnDay: on } : {}),
      },
    },
  };
}
